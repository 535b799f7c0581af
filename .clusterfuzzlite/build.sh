#!/bin/bash -eu
# ClusterFuzzLite / OSS-Fuzz build: one Jazzer fuzzer per policy in $OUT, each with its seed corpus.
# Run by the infrastructure in the Dockerfile's image; to try it on a workstation see
# .clusterfuzzlite/local/run.sh (docs/campaign.md).
cd "$SRC/pinfuzz"

# The shaded jar and target/fuzz-lib/pinfuzz-fuzz.jar (the targets, compiled as test sources).
mvn -B -q -DskipTests package
cp target/pinfuzz.jar "$OUT/pinfuzz.jar"
cp target/fuzz-lib/pinfuzz-fuzz.jar "$OUT/pinfuzz-fuzz.jar"
# The targets' jazzer-api references (exception types in signatures) must resolve at run time.
cp "$JAZZER_API_PATH" "$OUT/jazzer_api_deploy.jar"

# Everything lies next to the launcher at run time.
RUNTIME_CLASSPATH='$this_dir/pinfuzz.jar:$this_dir/pinfuzz-fuzz.jar:$this_dir/jazzer_api_deploy.jar:$this_dir'

for src in fuzz-targets/java/dev/pinfuzz/fuzz/*FuzzTest.java; do
  name=$(basename -s .java "$src")
  # The empty target is the exec/s baseline of `pinfuzz nightly`: nothing to find there.
  [ "$name" = EmptyFuzzTest ] && continue
  policy=$(sed -n 's/.*new PolicyTarget("\([^"]*\)").*/\1/p' "$src")
  # Coverage of the model's folio states plus the policies' branches, and no regex roadblocks:
  # as pinfuzz's own campaigns run by default (campaign/Coverage, BENCHMARKS.md).
  cat > "$OUT/$name" <<LAUNCHER
#!/bin/bash
# LLVMFuzzerTestOneInput for fuzzer detection.
# pinfuzz policy $policy: every oracle verdict is a finding (canaries find theirs quickly).
this_dir=\$(dirname "\$0")
LD_LIBRARY_PATH="${JVM_LD_LIBRARY_PATH:-}":\$this_dir \\
\$this_dir/jazzer_driver --agent_path=\$this_dir/jazzer_agent_deploy.jar \\
  --cp=$RUNTIME_CLASSPATH \\
  --target_class=dev.pinfuzz.fuzz.$name \\
  '--instrumentation_includes=dev.pinfuzz.policy.**' \\
  --disabled_hooks=com.code_intelligence.jazzer.sanitizers.RegexRoadblocks \\
  --jvm_args="-Xmx2048m:-Dpinfuzz.coverage=states" \\
  "\$@"
LAUNCHER
  chmod +x "$OUT/$name"
  if [ -d "corpus/jazzer/$policy" ]; then
    rm -f "$OUT/${name}_seed_corpus.zip"
    zip -q -j "$OUT/${name}_seed_corpus.zip" corpus/jazzer/"$policy"/*
  fi
done
