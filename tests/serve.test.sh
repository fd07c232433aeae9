#!/bin/sh
# serve.test.sh: `tacitus serve` over real HTTP: every endpoint of docs/api.md on a database
# of the bundled sample (and the seed article when ../shared is there), bad parameters, unknown
# paths and methods, static files without traversal, start-up errors, a clean stop.
tacitus=${TACITUS:-build/tacitus}
shared=${TACITUS_SHARED:-../shared}
seed=$shared/seed/000_c8e0bb683e9f3f08.txt
work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
ok=0 bad=0 skipped=0
check() {  # check NAME CONDITION-RESULT
    if [ "$2" = 1 ]; then ok=$((ok + 1)); else bad=$((bad + 1)); echo "serve.test.sh: FAIL $1"; fi
}
# start LOG ARGS...: starts the server in the background (pid in $pid) and waits for its URL
# line, or its end; sets $url ("" when it did not come up)
start() {
    log=$1
    shift
    : > "$log"  # there before the server's shell opens it, for the loop below
    "$tacitus" serve "$@" > /dev/null 2> "$log" &
    pid=$!
    tries=0
    while ! grep -q 'serving .* on http' "$log" && kill -0 "$pid" 2>/dev/null && [ $tries -lt 300 ]; do
        sleep 0.1
        tries=$((tries + 1))
    done
    url=$(sed -n 's/^tacitus: serving .* on \(http[^ ]*\)$/\1/p' "$log")
}

# the database: the sample always, the seed when it is there
db=$work/serve.db
"$tacitus" ingest "$db" --quiet --date 2026-11-20 --id sample data/sample/sample.txt 2> /dev/null
check "ingest of the sample" "$([ $? -eq 0 ] && echo 1)"
have_seed=0
if [ -f "$seed" ]; then
    "$tacitus" ingest "$db" --quiet --date 2022-03-14 "$seed" 2> /dev/null
    check "ingest of the seed" "$([ $? -eq 0 ] && echo 1)"
    have_seed=1
else
    echo "serve.test.sh: skipped: $seed is absent (seed checks left out)"
    skipped=$((skipped + 1))
fi
before=$(cksum < "$db")

# static files of our own, so the test does not depend on the dashboard's
web=$work/web
mkdir -p "$web/sub" "$work/outside"
printf '<!doctype html><title>tacitus test</title><p>index page\n' > "$web/index.html"
printf 'console.log("app");\n' > "$web/app.js"
printf 'body { color: black; }\n' > "$web/style.css"
printf 'secret\n' > "$web/.hidden"
printf 'secret outside\n' > "$work/outside/secret.txt"
ln -s "$work/outside/secret.txt" "$web/link.txt"

start "$work/log" "$db" --port 0 --web "$web"
check "prints 'tacitus: serving DB on http://127.0.0.1:PORT/'" \
    "$(echo "$url" | grep -qE '^http://127\.0\.0\.1:[0-9]+/$' && ! echo "$url" | grep -q ':0/$' && echo 1)"
if [ -z "$url" ]; then
    cat "$work/log"
    echo "serve.test.sh: $ok passed, $((bad + 1)) failed, $skipped skipped"
    exit 1
fi

python3 - "$url" "$have_seed" > "$work/py.out" 2>&1 <<'PY'
import http.client, json, sys, urllib.error, urllib.parse, urllib.request
base, have_seed = sys.argv[1], sys.argv[2] == "1"
host, port = urllib.parse.urlsplit(base).hostname, urllib.parse.urlsplit(base).port
results = []
def check(name, cond):
    results.append((name, bool(cond)))
def get(path, method="GET"):
    """status, headers, body of a request sent exactly as written (no client-side cleanup)"""
    c = http.client.HTTPConnection(host, port, timeout=30)
    c.request(method, path, body=b"x=1" if method == "POST" else None)
    r = c.getresponse()
    body = r.read()
    c.close()
    return r.status, r.headers, body
def api(path):
    status, headers, body = get(path)
    try:
        data = json.loads(body)
    except ValueError:
        data = None
    return status, headers, data
def error_shape(data, code):
    e = (data or {}).get("error") or {}
    return e.get("code") == code and isinstance(e.get("message"), str)

# events
s, h, d = api("/api/events")
check("events: 200", s == 200)
check("events: JSON content type", h.get("Content-Type", "").startswith("application/json"))
check("events: total, offset, limit, events", d and {"total", "offset", "limit", "events"} <= set(d))
ev = d["events"] if d else []
fields = {"event", "date", "source", "target", "code", "code_name", "root", "quad_class",
          "goldstein", "certainty", "attributed_to", "article", "sentence", "sentence_text",
          "sentence_start", "verb", "location", "num_mentions", "num_sources", "num_articles"}
check("events: every event has the documented fields", ev and all(fields <= set(e) for e in ev))
check("events: newest first", [e["date"] for e in ev] == sorted((e["date"] for e in ev), reverse=True))
check("events: default limit 100", d and d["limit"] == 100 and len(ev) == min(100, d["total"]))
s, h, d2 = api("/api/events?limit=2&offset=1")
check("events: paging", s == 200 and len(d2["events"]) == min(2, max(0, d["total"] - 1))
      and d2["events"][0]["event"] == ev[1]["event"])
s, h, d2 = api("/api/events?certainty=all&limit=1000")
check("events: certainty=all counts at least as many", s == 200 and d2["total"] >= d["total"])
s, h, d2 = api("/api/events?root=13")
check("events: root=13 leaves only threats", s == 200 and all(e["root"] == "13" for e in d2["events"]))
s, h, d2 = api("/api/events?source=rus&from=2022-01-01&to=2030-12-31")
check("events: source prefix", s == 200 and all(e["source"]["code"].startswith("RUS") for e in d2["events"]))
s, h, d2 = api("/api/events?text=" + urllib.parse.quote("sanctions OR talks"))
check("events: full-text filter", s == 200 and isinstance(d2["total"], int))
# the spans of an event lie in its sentence
e0 = ev[0] if ev else {}
v = e0.get("verb") or {}
check("events: verb inside the sentence",
      e0 and e0["sentence_start"] <= v.get("start", -1) <= v.get("end", -1)
      <= e0["sentence_start"] + len(e0["sentence_text"].encode()))

# bad parameters
for q, p in [("root=21", "root"), ("quad=9", "quad"), ("from=2022-02-30", "from"),
             ("limit=0", "limit"), ("limit=5000", "limit"), ("certainty=sure", "certainty"),
             ("text=%22open", "text"), ("bogus=1", "bogus"), ("root=13&root=14", "root"),
             ("source=U%20S", "source"), ("from=2022-03-02&to=2022-03-01", "to")]:
    s, h, d2 = api("/api/events?" + q)
    check("events?%s: 400 naming %s" % (q, p), s == 400 and error_shape(d2, "bad_parameter")
          and d2["error"].get("parameter") == p)
s, h, d2 = api("/api/dyads?level=state")
check("dyads?level=state: 400", s == 400 and error_shape(d2, "bad_parameter"))
s, h, d2 = api("/api/timeline?by=year")
check("timeline?by=year: 400", s == 400 and error_shape(d2, "bad_parameter"))
s, h, d2 = api("/api/quotes?group=nothing")
check("quotes?group=nothing: 400", s == 400 and error_shape(d2, "bad_parameter"))
s, h, d2 = api("/api/articles/abc")
check("articles/abc: 400", s == 400 and error_shape(d2, "bad_parameter"))
s, h, body = get("/api/events?" + "&".join("x%d=1" % i for i in range(40)))
check("too many parameters: 400", s == 400)
s, h, body = get("/api/events?text=" + "a" * 9000)
check("request line over 8 KiB: 414", s == 414)

# dyads, timeline, actors
s, h, d = api("/api/dyads")
dy = d["dyads"] if d else []
check("dyads: 200 and shape", s == 200 and dy and all({"source", "target", "events", "goldstein", "quad"} <= set(x)
      and len(x["quad"]) == 4 and sum(x["quad"]) == x["events"] for x in dy))
check("dyads: most events first", [x["events"] for x in dy] == sorted((x["events"] for x in dy), reverse=True))
check("dyads: three-letter keys", all(len(x["source"]) <= 3 and len(x["target"]) <= 3 for x in dy))
if have_seed:
    check("dyads: RUS -> CHN", any(x["source"] == "RUS" and x["target"] == "CHN" for x in dy))
s, h, d = api("/api/dyads?level=full&limit=1000")
check("dyads?level=full", s == 200 and any(len(x["source"]) > 3 for x in d["dyads"]))
for by in ("day", "week", "month"):
    s, h, d = api("/api/timeline?by=" + by)
    p = d["periods"] if d else []
    check("timeline by %s: shape, date order" % by, s == 200 and d["by"] == by and p
          and [x["period"] for x in p] == sorted(x["period"] for x in p)
          and all(len(x["quad"]) == 4 and sum(x["quad"]) == x["events"] for x in p))
if have_seed:
    s, h, d = api("/api/timeline?by=month&dyad=USA,CHN")
    check("timeline of the USA,CHN dyad", s == 200 and sum(x["events"] for x in d["periods"]) > 0)
s, h, d = api("/api/actors?limit=5")
check("actors: 200, at most 5, shape", s == 200 and 0 < len(d["actors"]) <= 5 and
      all({"code", "events", "as_source", "as_target"} <= set(a) for a in d["actors"]))

# quotes
s, h, d = api("/api/quotes")
check("quotes: 200 and shape", s == 200 and "total" in d and all(
      {"article", "text", "start", "end", "speaker", "cue"} <= set(q) for q in d["quotes"]))
s, h, d2 = api("/api/quotes?group=speaker")
check("quotes?group=speaker", s == 200 and all({"name", "code", "quotes"} <= set(x) for x in d2["speakers"]))
if have_seed:
    named = [x for x in d2["speakers"] if x["name"]]
    check("quotes: the seed has a named speaker", named)
    s, h, d3 = api("/api/quotes?speaker=" + urllib.parse.quote(named[0]["name"]) if named else "/api/quotes")
    check("quotes?speaker=NAME", s == 200 and d3["total"] == named[0]["quotes"] if named else False)

# an article with its spans
s, h, d = api("/api/events?limit=1000&certainty=all")
article = d["events"][0]["article"]
s, h, a = api("/api/articles/%d" % article)
check("article: 200 and shape", s == 200 and {"id", "title", "date", "source", "url", "text", "spans"} <= set(a))
text = a["text"].encode()
spans = a["spans"]
check("article: spans inside the text", spans and all(0 <= x["start"] <= x["end"] <= len(text) for x in spans))
kinds = {x["kind"] for x in spans}
check("article: event, verb, source spans", {"event", "verb", "source"} <= kinds)
mine = [x for x in d["events"] if x["article"] == article]
check("article: every event of the article has its sentence span",
      all(any(x["kind"] == "event" and x.get("event") == e["event"] and x["start"] == e["sentence_start"]
              for x in spans) for e in mine))
check("article: verb spans are the verbs of the events",
      all(any(x["kind"] == "verb" and x.get("event") == e["event"]
              and text[x["start"]:x["end"]].decode() == e["verb"]["text"] for x in spans)
          for e in mine if e["verb"]))
s, h, d2 = api("/api/articles/999999")
check("articles/999999: 404", s == 404 and error_shape(d2, "not_found"))

# codes
s, h, d = api("/api/codes")
check("codes: 200, names", s == 200 and len(d["codes"]) > 100 and all(c["name"] for c in d["codes"]))

# paths, methods, static files
for path in ("/api/nothing", "/api/", "/api/events/x", "/nothing.html", "/sub", "/sub/", "/.hidden", "/link.txt"):
    s, h, d = api(path)
    check("%s: 404" % path, s == 404 and error_shape(d, "not_found"))
s, h, body = get("/api/events", "POST")
check("POST: 405 with Allow", s == 405 and "GET" in h.get("Allow", ""))
s, h, body = get("/api/events", "DELETE")
check("DELETE: 405", s == 405)
s, h, body = get("/api/events", "HEAD")
check("HEAD: 200 without a body", s == 200 and body == b"")
s, h, body = get("/")
check("/ serves index.html", s == 200 and b"index page" in body and h.get("Content-Type", "").startswith("text/html"))
s, h, body = get("/app.js")
check("app.js as JavaScript", s == 200 and "javascript" in h.get("Content-Type", ""))
s, h, body = get("/style.css")
check("style.css as CSS", s == 200 and h.get("Content-Type", "").startswith("text/css"))
for path in ("/../outside/secret.txt", "/sub/../../outside/secret.txt", "/%2e%2e/outside/secret.txt",
             "/%2E%2E/%2e%2e/etc/passwd", "/..%2foutside/secret.txt", "/sub/%2e%2e/index.html",
             "//etc/passwd", "/./index.html"):
    s, h, body = get(path)
    check("traversal %s refused" % path, s in (400, 403, 404) and b"secret" not in body and b"root:" not in body)

for name, ok in results:
    print(("PASS " if ok else "FAIL ") + name)
PY
[ -n "$VERBOSE" ] && cat "$work/py.out"
check "the HTTP checks ran" "$(grep -q '^PASS' "$work/py.out" && echo 1)"
while IFS= read -r line; do
    case "$line" in
    "PASS "*) ok=$((ok + 1)) ;;
    "FAIL "*) bad=$((bad + 1)); echo "serve.test.sh: $line" ;;
    *) echo "serve.test.sh: $line" ;;
    esac
done < "$work/py.out"

# a second server on the same port: refused with a message
port=$(echo "$url" | sed -E 's/.*:([0-9]+)\/$/\1/')
"$tacitus" serve "$db" --port "$port" --web "$web" > /dev/null 2> "$work/err2" &
second=$!
sleep 1
if kill -0 "$second" 2>/dev/null; then kill "$second"; fi
wait "$second"
status=$?
check "port in use: exit 1 with a message" "$([ $status -eq 1 ] && grep -q "port $port.*in use" "$work/err2" && echo 1)"

# a clean stop on SIGTERM
kill -TERM "$pid"
wait "$pid"
status=$?
pid=
check "SIGTERM: exit 0, 'stopped'" "$([ $status -eq 0 ] && grep -q 'stopped' "$work/log" && echo 1)"
check "the database file is unchanged (read-only)" "$([ "$(cksum < "$db")" = "$before" ] && echo 1)"

# start-up errors
timeout 20 "$tacitus" serve "$work/missing.db" --port 0 > /dev/null 2> "$work/err"
status=$?
check "missing database: exit 1, named, not created" \
    "$([ $status -eq 1 ] && grep -q 'missing.db' "$work/err" && [ ! -e "$work/missing.db" ] && echo 1)"
printf 'not a database at all, just some text long enough\n' > "$work/notes.db"
timeout 20 "$tacitus" serve "$work/notes.db" --port 0 > /dev/null 2> "$work/err"
check "not a database: exit 1" "$([ $? -eq 1 ] && grep -q 'not a SQLite database' "$work/err" && echo 1)"
timeout 20 "$tacitus" serve "$db" --bind localhost --port 0 > /dev/null 2> "$work/err"
check "a bind address that is not numeric: exit 2" "$([ $? -eq 2 ] && grep -q 'numeric' "$work/err" && echo 1)"
timeout 20 "$tacitus" serve "$db" --port 70000 > /dev/null 2> "$work/err"
check "--port 70000: usage error" "$([ $? -eq 2 ] && echo 1)"
"$tacitus" serve 2> "$work/err"
check "no database: usage error" "$([ $? -eq 2 ] && grep -q 'which database' "$work/err" && echo 1)"

# SIGINT stops it too
start "$work/log2" "$db" --port 0 --web "$web"
kill -INT "$pid"
wait "$pid"
status=$?
pid=
check "SIGINT: exit 0" "$([ -n "$url" ] && [ $status -eq 0 ] && grep -q 'stopped (SIGINT)' "$work/log2" && echo 1)"

echo "serve.test.sh: $ok passed, $bad failed, $skipped skipped"
[ "$bad" -eq 0 ]
