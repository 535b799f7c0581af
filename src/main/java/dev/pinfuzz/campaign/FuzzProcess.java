package dev.pinfuzz.campaign;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Jazzer child process: started in its work directory, its output copied to a log file
 * and fed, time-stamped, to a {@link LibFuzzerLog} as it comes. {@link #stop()} ends it
 * (SIGTERM, then SIGKILL) without losing what it has written so far.
 */
public final class FuzzProcess {
    private final Process process;
    private final Thread pump;
    private final LibFuzzerLog log;
    private final long started = System.nanoTime();

    private FuzzProcess(List<String> command, Path workDir, Path logFile) throws IOException {
        Files.createDirectories(workDir);
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        this.log = new LibFuzzerLog(workDir);
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        this.process = pb.start();
        Writer out = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8);
        this.pump = new Thread(() -> pump(out), "jazzer-log-" + process.pid());
        pump.setDaemon(true);
        pump.start();
    }

    /** Starts {@code command} in {@code workDir}, logging to {@code logFile}. */
    public static FuzzProcess start(List<String> command, Path workDir, Path logFile) throws IOException {
        return new FuzzProcess(command, workDir, logFile);
    }

    private void pump(Writer out) {
        try (out; BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                log.line(line, seconds());
                out.write(line);
                out.write('\n');
            }
        } catch (IOException e) {
            // the process went away mid-line: what was read is kept
        }
    }

    /** Seconds since the process started. */
    public double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    public LibFuzzerLog log() {
        return log;
    }

    /** Waits for the process and its log; returns the exit code. */
    public int waitFor() throws InterruptedException {
        int code = process.waitFor();
        pump.join(5000);
        return code;
    }

    /** Waits up to {@code millis} for the process; true when it has ended (and its log is read). */
    public boolean waitFor(long millis) throws InterruptedException {
        if (!process.waitFor(millis, TimeUnit.MILLISECONDS)) return false;
        pump.join(5000);
        return true;
    }

    /** Ends the process: SIGTERM, then SIGKILL after two seconds. */
    public void stop() {
        if (!process.isAlive()) return;
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
            pump.join(2000);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
