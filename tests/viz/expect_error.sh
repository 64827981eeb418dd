#!/bin/sh
# expect_error.sh CODE MESSAGE COMMAND...: COMMAND exits with CODE and prints exactly MESSAGE (one line) on stderr.
code=$1 message=$2
shift 2
"$@" 2>"${TMPDIR:-/tmp}/viz-expect-error.$$" >/dev/null
rc=$?
err=$(cat "${TMPDIR:-/tmp}/viz-expect-error.$$")
rm -f "${TMPDIR:-/tmp}/viz-expect-error.$$"
if [ "$rc" -ne "$code" ] || [ "$err" != "$message" ]; then
  echo "expected exit $code and stderr: $message"
  echo "got exit $rc and stderr: $err"
  exit 1
fi
