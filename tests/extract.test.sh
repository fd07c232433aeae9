#!/bin/sh
# extract.test.sh: the `tacitus extract` contract: HTML and gzip files in, one JSON object per
# page out, bad files reported by name and skipped, exit statuses, the closing summary.
tacitus=${TACITUS:-build/tacitus}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ok=0 bad=0
check() {  # check NAME CONDITION-RESULT
    if [ "$2" = 1 ]; then ok=$((ok + 1)); else bad=$((bad + 1)); echo "extract.test.sh: FAIL $1"; fi
}

para='<p>The council met on Tuesday evening, and after a long debate, it voted to rebuild the bridge over the river before winter.</p>'
{
    echo '<html><head><meta property="og:title" content="Bridge vote">'
    echo '<meta property="article:published_time" content="2024-05-06">'
    echo '<link rel="canonical" href="https://news.example/bridge"></head>'
    echo "<body><nav><a href=\"/\">Home</a></nav><article>$para"
    echo '<p>Work is to start in June, the mayor said, and the "old" bridge will close.</p></article>'
    echo '<footer>All rights reserved</footer></body></html>'
} > "$work/first.html"
printf '<html><body>%s</body></html>\n' "$para" > "$work/second.htm"
gzip -c "$work/first.html" > "$work/third.html.gz"
head -c 3000 /dev/urandom > "$work/junk.html"
printf '<p>no article here</p>' > "$work/empty.html"

# good files: one line each, in order, ids without directory and suffixes
"$tacitus" extract "$work/first.html" "$work/second.htm" "$work/third.html.gz" > "$work/out" 2> "$work/err"
check "good files exit 0" "$([ $? -eq 0 ] && echo 1)"
check "one line per page" "$([ "$(wc -l < "$work/out")" -eq 3 ] && echo 1)"
check "ids" "$(sed -n 1p "$work/out" | grep -q '^{"id":"first",' && sed -n 2p "$work/out" | grep -q '"id":"second"' && sed -n 3p "$work/out" | grep -q '"id":"third"' && echo 1)"
check "metadata fields" "$(sed -n 1p "$work/out" | grep -q '"url":"https://news.example/bridge","title":"Bridge vote","date":"2024-05-06","byline":null' && echo 1)"
check "text escaped, paragraphs on lines" "$(sed -n 1p "$work/out" | grep -q 'before winter.\\nWork is to start in June, the mayor said, and the \\"old\\" bridge will close."}$' && echo 1)"
check "navigation and footer left out" "$(grep -q 'Home\|rights' "$work/out" || echo 1)"
check "gzip page equals the plain one" "$([ "$(sed -n 1p "$work/out" | cut -d, -f2-)" = "$(sed -n 3p "$work/out" | cut -d, -f2-)" ] && echo 1)"
check "summary line" "$(grep -qx 'extract: 3 pages read, 3 extracted, 0 skipped' "$work/err" && echo 1)"
check "valid JSON" "$(python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' "$work/out" 2>/dev/null && echo 1)"

# a bad file among good ones: reported by name, counted, skipped; the run still succeeds
"$tacitus" extract --format jsonl "$work/first.html" "$work/junk.html" "$work/missing.html" "$work/empty.html" > "$work/out" 2> "$work/err"
check "bad files among good ones exit 0" "$([ $? -eq 0 ] && echo 1)"
check "good and empty pages written" "$([ "$(wc -l < "$work/out")" -eq 2 ] && echo 1)"
check "junk named on stderr" "$(grep -q "^tacitus: $work/junk.html: not HTML" "$work/err" && echo 1)"
check "missing file named on stderr" "$(grep -q "^tacitus: $work/missing.html: No such file" "$work/err" && echo 1)"
check "summary counts reasons" "$(grep -qx 'extract: 4 pages read, 2 extracted, 2 skipped (1 unreadable, 1 not HTML, 0 too large); 1 without article text' "$work/err" && echo 1)"
check "empty page has empty text" "$(grep -q '"id":"empty".*"text":""}$' "$work/out" && echo 1)"

# a truncated gzip file: reported, and the next file still read
head -c 40 "$work/third.html.gz" > "$work/cut.html.gz"
"$tacitus" extract "$work/cut.html.gz" "$work/second.htm" > "$work/out" 2> "$work/err"
check "truncated gzip reported" "$([ $? -eq 0 ] && grep -q "^tacitus: $work/cut.html.gz: " "$work/err" && grep -q '"id":"second"' "$work/out" && echo 1)"

# nothing readable: exit 1
"$tacitus" extract "$work/junk.html" "$work/missing.html" > "$work/out" 2> "$work/err"
check "nothing extracted exits 1" "$([ $? -eq 1 ] && [ ! -s "$work/out" ] && grep -q 'extract: 2 pages read, 0 extracted, 2 skipped' "$work/err" && echo 1)"

# a directory: its pages recursively, in byte order; other and hidden files left alone
mkdir -p "$work/dir/b" "$work/dir/.hidden"
cp "$work/second.htm" "$work/dir/b/inner.htm"
cp "$work/third.html.gz" "$work/dir/a.html.gz"
cp "$work/first.html" "$work/dir/.hidden/secret.html"
cp "$work/first.html" "$work/dir/.dot.html"
printf 'not a page' > "$work/dir/notes.txt"
"$tacitus" extract "$work/dir" > "$work/out" 2> "$work/err"
check "directory pages in byte order" "$([ $? -eq 0 ] && [ "$(cut -d, -f1 "$work/out" | tr '\n' ' ')" = '{"id":"a" {"id":"inner" ' ] && echo 1)"
check "directory summary" "$(grep -qx 'extract: 2 pages read, 2 extracted, 0 skipped' "$work/err" && echo 1)"

# standard input, and usage errors
"$tacitus" extract < "$work/second.htm" > "$work/out" 2> /dev/null
check "standard input" "$([ $? -eq 0 ] && grep -q '"id":"-"' "$work/out" && echo 1)"
"$tacitus" extract --format csv "$work/first.html" > /dev/null 2>&1
check "unknown format exits 2" "$([ $? -eq 2 ] && echo 1)"
"$tacitus" extract --bogus > /dev/null 2>&1
check "unknown option exits 2" "$([ $? -eq 2 ] && echo 1)"

echo "extract.test.sh: $ok passed, $bad failed"
[ "$bad" -eq 0 ]
