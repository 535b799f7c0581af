package dev.pinfuzz.campaign;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command lines for the standalone Jazzer driver ({@code com.code_intelligence.jazzer.Jazzer})
 * on the policy target: a fuzzing run, and a {@code -merge=1} of new inputs into a corpus.
 */
public final class JazzerCommand {
    /** The policy-parameterised target; it reads {@value #POLICY_PROPERTY}. */
    public static final String POLICY_TARGET = "dev.pinfuzz.fuzz.PolicyFuzzTarget";
    /** The target that only consumes its bytes: the harness's speed limit. */
    public static final String EMPTY_TARGET = "dev.pinfuzz.fuzz.EmptyFuzzTest";
    /** Replays a fixed corpus up to one stage of the policy target, to split its cost ({@code pinfuzz bench}). */
    public static final String REPLAY_COST_TARGET = "dev.pinfuzz.fuzz.ReplayCostTarget";
    /** The replay target's last stage, one of {@link #REPLAY_STAGES}. */
    public static final String STAGE_PROPERTY = "pinfuzz.cost.stage";
    /**
     * The replay target's stages, each doing what the one before does and more: decode the bytes,
     * judge the program, report its folio states to libFuzzer, report its findings (the whole target).
     */
    public static final List<String> REPLAY_STAGES = List.of("decode", "judge", "states", "report");
    /** The directory whose files the replay target runs, round-robin, instead of the fuzzer's bytes. */
    public static final String INPUTS_PROPERTY = "pinfuzz.cost.inputs";
    public static final String POLICY_PROPERTY = "pinfuzz.policy";
    /** When "false" the target runs programs (for coverage) but reports nothing: for merges. */
    public static final String REPORT_PROPERTY = "pinfuzz.report";
    /** The {@link Coverage} mode's spelling; "states" makes the target report folio states. */
    public static final String COVERAGE_PROPERTY = "pinfuzz.coverage";
    /** Distinct crash signatures (kinds of finding, see FindingKind) one run keeps going through. */
    static final int KEEP_GOING = 1000;
    /**
     * Jazzer 0.30's built-in bug detectors. They look for injection, deserialisation and SSRF
     * bugs, which a simulated mm core cannot have, and they cost: RegexRoadblocks alone hooks the
     * JDK's regex engine, which the targets then used to name each finding's kind, and halved the
     * exec/s of the canary policies (22k vs 41k on gup-2018, measured).
     */
    static final List<String> BUG_DETECTORS = List.of("BigDecimal", "ClojureLangHooks", "Deserialization",
            "ExpressionLanguageInjection", "FilePathTraversal", "LdapInjection", "NamingContextLookup",
            "OsCommandInjection", "ReflectiveCall", "RegexInjection", "RegexRoadblocks", "ScriptEngineInjection",
            "ServerSideRequestForgery", "SqlInjection", "TemplateInjection", "UnsafeSanitizer", "XPathInjection",
            "XmlParserSsrfGuidance");

    private final String java;
    private final String classpath;
    private final Coverage coverage;

    public JazzerCommand(String java, String classpath, Coverage coverage) {
        this.java = java;
        this.classpath = classpath;
        this.coverage = coverage;
    }

    /** The JVM of this process, for the child. */
    public static String currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * A fuzzing run of {@code seconds} on {@code policy} (null: the empty target). New inputs go
     * to {@code corpus}, the first directory; {@code seeds} are read only. Crashes go to
     * {@code artifacts}, and the run keeps going after each new kind of finding.
     */
    public List<String> fuzz(String policy, Path corpus, List<Path> seeds, Path artifacts, int seconds) {
        return fuzz(policy, corpus, seeds, artifacts, seconds, 0);
    }

    /** The same with libFuzzer's {@code -seed=N} (0: a random seed), for repeatable runs ({@code pinfuzz bench}). */
    public List<String> fuzz(String policy, Path corpus, List<Path> seeds, Path artifacts, int seconds, long seed) {
        List<String> c = jvm(policy, true, List.of(), policy == null ? EMPTY_TARGET : POLICY_TARGET);
        if (seed != 0) c.add("-seed=" + seed);
        c.add("--keep_going=" + KEEP_GOING);
        c.add("--reproducer_path=" + artifacts);
        c.add("-artifact_prefix=" + artifacts + "/");
        c.add("-max_total_time=" + Math.max(1, seconds));
        c.add("-timeout=10");
        c.add("-rss_limit_mb=4096");
        c.add("-print_final_stats=1");
        c.add(corpus.toString());
        for (Path s : seeds) c.add(s.toString());
        return c;
    }

    /**
     * libFuzzer's {@code -merge=1}: copies into {@code into} each input of {@code from} that adds
     * edge coverage, so a corpus grows from run to run without bloating. Findings are not reported
     * while merging (a crash would cost a restart per crashing input).
     */
    public List<String> merge(String policy, Path into, List<Path> from) {
        List<String> c = jvm(policy, false, List.of(), POLICY_TARGET);
        c.add("-merge=1");
        // Edges only, not hit-count buckets: 80 inputs keep skip-pinned's 1145 edges where
        // counters would keep 595; the fuzzer finds the counts again from them.
        c.add("-use_counters=0");
        c.add("-timeout=10");
        c.add("-rss_limit_mb=4096");
        c.add(into.toString());
        for (Path f : from) c.add(f.toString());
        return c;
    }

    /**
     * {@code seconds} of the replay target on {@code policy}: the files of {@code inputs} run in
     * turn up to {@code stage}, whatever bytes libFuzzer offers; libFuzzer's exec/s then prices
     * that stage. Same JVM, instrumentation and detectors as {@link #fuzz}; {@code corpus} is
     * libFuzzer's (scratch) corpus directory.
     */
    public List<String> replayCost(String policy, String stage, Path inputs, Path corpus, int seconds) {
        List<String> c = jvm(policy, false, List.of("-D" + STAGE_PROPERTY + "=" + stage, "-D" + INPUTS_PROPERTY + "=" + inputs),
                REPLAY_COST_TARGET);
        c.add("-seed=1");
        c.add("-max_total_time=" + Math.max(1, seconds));
        c.add("-print_final_stats=1");
        c.add(corpus.toString());
        return c;
    }

    private List<String> jvm(String policy, boolean report, List<String> properties, String target) {
        List<String> c = new ArrayList<>();
        c.add(java);
        c.add("-Xmx1g");
        c.add("-XX:+UseParallelGC");
        if (policy != null) c.add("-D" + POLICY_PROPERTY + "=" + policy);
        c.add("-D" + REPORT_PROPERTY + "=" + report);
        c.add("-D" + COVERAGE_PROPERTY + "=" + coverage.spelling());
        c.addAll(properties);
        c.add("-cp");
        c.add(classpath);
        c.add("com.code_intelligence.jazzer.Jazzer");
        c.add("--target_class=" + target);
        // Only the code under test: libFuzzer pays per edge an execution touches (its feature
        // collection took 46% of a profiled run with dev.pinfuzz.** instrumented), and the edges
        // of the decoder, the oracles and the harness say little about the kernel's state.
        c.add("--instrumentation_includes=" + String.join(":", coverage.instrumented()));
        // Edge coverage only: the decoder maps bytes through tables and remainders, so comparison
        // tracing rarely helps it, and it halves exec/s on the model (3.5k vs 7.3k measured).
        c.add("--trace=cov");
        c.add("--disabled_hooks=" + String.join(":", BUG_DETECTORS.stream().map(d -> "com.code_intelligence.jazzer.sanitizers." + d).toList()));
        return c;
    }
}
