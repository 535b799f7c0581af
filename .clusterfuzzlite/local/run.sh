#!/bin/bash -eu
# Runs build.sh outside Docker, with what the OSS-Fuzz base image would provide: $SRC holding
# the checkout, an empty $OUT, $JAZZER_API_PATH, and Jazzer's driver and agent in $OUT (taken
# from ~/.m2; the driver is a shell stand-in for the native one). Then fuzzes one target briefly.
#   .clusterfuzzlite/local/run.sh [WORKDIR] [FUZZER] [SECONDS]
here=$(cd "$(dirname "$0")/../.." && pwd)
work=${1:-$(mktemp -d)}
fuzzer=${2:-SkipPinnedFuzzTest}
seconds=${3:-10}
m2=${M2_REPO:-$HOME/.m2/repository}/com/code-intelligence
export SRC="$work/src" OUT="$work/out"
export JAZZER_API_PATH="$m2/jazzer-api/0.30.0/jazzer-api-0.30.0.jar"
mkdir -p "$SRC" "$OUT"
rm -rf "$SRC/pinfuzz"
git -C "$here" ls-files -z | (cd "$here" && xargs -0 tar cf -) | (mkdir -p "$SRC/pinfuzz" && tar xf - -C "$SRC/pinfuzz")
cp "$m2/jazzer/0.30.0/jazzer-0.30.0.jar" "$OUT/jazzer_agent_deploy.jar"
cp "$here/.clusterfuzzlite/local/jazzer_driver" "$OUT/jazzer_driver"
bash "$here/.clusterfuzzlite/build.sh"
echo "== built in $OUT:"
ls "$OUT"
mkdir -p "$work/corpus" "$work/crashes"
(cd "$work/corpus" && unzip -q -o "$OUT/${fuzzer}_seed_corpus.zip")
echo "== $fuzzer for $seconds s"
(cd "$work" && "$OUT/$fuzzer" -max_total_time="$seconds" -artifact_prefix="$work/crashes/" "$work/corpus") || echo "exit $? (77: a finding)"
