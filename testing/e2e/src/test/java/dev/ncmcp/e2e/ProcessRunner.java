package dev.ncmcp.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command to completion, merging stdout and stderr, echoing it, and enforcing a timeout. */
final class ProcessRunner {

    /** Exit code and merged output of a finished command. */
    record Result(List<String> command, int exitCode, String output) {
        boolean succeeded() {
            return exitCode == 0;
        }

        String describe() {
            return "`" + String.join(" ", command) + "` exited with " + exitCode + ". Output:\n" + output;
        }
    }

    private ProcessRunner() {
    }

    static Result run(List<String> command, Path directory, Map<String, String> environment, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start `" + String.join(" ", command) + "` in " + directory
                    + ": " + e.getMessage(), e);
        }
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // nothing to close
        }
        StringBuilder output = new StringBuilder();
        Thread pump = Thread.ofVirtual().start(() -> copy(process.getInputStream(), output));
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                pump.join(5_000);
                throw new AssertionError("`" + String.join(" ", command) + "` did not finish within " + timeout
                        + ". Output so far:\n" + snapshot(output));
            }
            pump.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
        return new Result(List.copyOf(command), process.exitValue(), snapshot(output));
    }

    private static String snapshot(StringBuilder output) {
        synchronized (output) {
            return output.toString();
        }
    }

    /** Copies a stream line by line into the buffer and to this JVM's stdout, so a long run shows progress. */
    static void copy(InputStream in, StringBuilder sink) {
        try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (sink) {
                    sink.append(line).append('\n');
                }
                System.out.println("  | " + line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
