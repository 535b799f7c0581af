package dev.pinfuzz.campaign;

import dev.pinfuzz.io.AtomicFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A campaign from start to files: fuzz, triage, then {@code findings/}, {@code summary.json}
 * and {@code report.html} (each written to a temporary file and renamed), and the text summary.
 * On SIGINT/SIGTERM the shutdown hook stops the fuzzers and waits until everything found so far
 * has been written.
 */
public final class CampaignJob {
    /** Exit codes: the matrix holds (or nothing found, for {@code fuzz}), it does not, bad arguments. */
    public static final int OK = 0, BROKEN = 1, USAGE = 2;

    private CampaignJob() {}

    /**
     * @param shownDir how to name the campaign directory in commands (as the user gave it)
     * @param anyFindingFails exit 1 on any finding ({@code pinfuzz fuzz}) rather than on the matrix
     */
    public static int run(Campaign.Options o, String shownDir, boolean anyFindingFails, PrintWriter out, PrintWriter err) {
        JazzerCommand cmd;
        try {
            cmd = new JazzerCommand(JazzerCommand.currentJava(), FuzzClasspath.find(), o.coverage());
            Files.createDirectories(o.out());
        } catch (FuzzClasspath.NotFound e) {
            err.println("pinfuzz: " + e.getMessage());
            err.flush();
            return USAGE;
        } catch (IOException e) {
            err.println("pinfuzz: cannot create " + o.out() + ": " + dev.pinfuzz.io.IoErrors.reason(e));
            err.flush();
            return USAGE;
        }
        Campaign campaign = new Campaign(o, cmd);
        CountDownLatch written = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            if (written.getCount() == 0) return;
            campaign.stop();
            try {
                written.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                // the JVM is going down anyway
            }
        }, "pinfuzz-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            Progress progress = Progress.forConsole(err, o.budget());
            Campaign.Result r = campaign.run(progress);
            if (r.interrupted()) progress.note("pinfuzz: interrupted: keeping what was found so far");
            MatrixView v = new MatrixView(r);
            Map<String, String> traces = FindingFiles.write(o.out(), r.findings());
            AtomicFile.write(o.out().resolve("summary.json"), SummaryJson.of(v, traces));
            AtomicFile.write(o.out().resolve("report.html"), HtmlReport.of(v, traces, shownDir));
            out.print(TextSummary.of(v, traces, shownDir));
            out.flush();
            if (anyFindingFails) return r.findings().isEmpty() && r.errors().stream().noneMatch(Triage.Error::modelError) ? OK : BROKEN;
            return v.holds() ? OK : BROKEN;
        } catch (IOException e) {
            err.println("pinfuzz: cannot write the results to " + o.out() + ": " + dev.pinfuzz.io.IoErrors.reason(e));
            err.flush();
            return BROKEN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return BROKEN;
        } finally {
            written.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it returns now that the files are written
            }
        }
    }

    /** The default campaign directory: {@code pinfuzz-out/<local timestamp>}. */
    public static Path defaultOut() {
        String ts = java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return Path.of("pinfuzz-out", ts);
    }
}
