package io.etl.cli;

import io.etl.event.RunEvent;
import io.etl.event.RunListener;
import io.etl.scheduler.SummaryText;
import io.etl.task.Task;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * On a terminal: the run's lines (the progress, the log's warnings) scroll as they do anywhere, and below them one
 * line per running task is redrawn in place: its step, how far, the rate, for how long. When a task ends its line
 * goes, and the task's own "done" or "FAILED" line is printed above; nothing stale stays on the screen. Under them,
 * while a run has several tasks, one line counts them: how many are done of those it runs, and of the family it runs
 * most of (a chunked backfill's loads) how many, with the time that leaves at the pace so far.
 */
final class TerminalProgress implements RunListener {

    /** Erases the line above the cursor: up one, clear it. */
    private static final String ERASE_LINE_ABOVE = "\033[1A\033[2K";
    private static final long REDRAW_NANOS = Duration.ofMillis(250).toNanos();

    private final PrintStream terminal;
    private final int width;
    private final Map<Task, RunningTask> running = new LinkedHashMap<>();
    private RunCount count;
    private int linesShown;
    private long lastDrawNanos;
    /** Redraws every second, so that a step that reports nothing for a while still shows its time going on. */
    private ScheduledExecutorService clock;

    TerminalProgress(PrintStream terminal, int width) {
        this.terminal = terminal;
        this.width = width;
    }

    /** For the terminal etl runs on, as wide as it is (80 columns if it cannot tell). */
    static TerminalProgress on(PrintStream terminal) {
        return new TerminalProgress(terminal, terminalWidth());
    }

    private static int terminalWidth() {
        try {
            Process stty = new ProcessBuilder("stty", "size").redirectInput(new File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String[] rowsAndColumns = new String(stty.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim().split(" ");
            // a terminal that does not know its size (a serial line, some CI agents) says 0 columns
            if (stty.waitFor() == 0 && rowsAndColumns.length == 2 && Integer.parseInt(rowsAndColumns[1]) > 0) {
                return Integer.parseInt(rowsAndColumns[1]);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | NumberFormatException e) {
            // not a terminal stty knows: the usual width
        }
        return 80;
    }

    /** Where to print the run's lines: each complete line goes above the running tasks' lines. */
    PrintStream linesAbove() {
        return new PrintStream(new LineBuffer(), true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void onEvent(RunEvent event) {
        if (event instanceof RunEvent.RunStarted started) {
            count = RunCount.of(started.plan(), System.nanoTime());
        } else if (event instanceof RunEvent.TaskStarted started) {
            running.put(started.task(), new RunningTask(started.task(), System.nanoTime()));
            startClock();
            redraw();
        } else if (event instanceof RunEvent.TaskProgressed p && running.containsKey(p.task())) {
            running.get(p.task()).progressed(p.step(), p.done(), p.total(), p.unit());
            if (System.nanoTime() - lastDrawNanos >= REDRAW_NANOS || p.done() >= p.total()) {
                redraw();
            }
        } else if (event instanceof RunEvent.TaskSucceeded s) {
            running.remove(s.task());
            if (count != null) {
                count.done(s.task());
            }
            redraw();
        } else if (event instanceof RunEvent.TaskFailed f) {
            running.remove(f.task());
            if (count != null && f.retryIn().isEmpty()) {
                count.failed();
            }
            redraw();
        } else if (event instanceof RunEvent.RunFinished) {
            if (clock != null) {
                clock.shutdownNow();
            }
            running.clear();
            count = null;
            redraw();
        }
    }

    private void startClock() {
        if (clock == null) {
            clock = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "etl-terminal");
                thread.setDaemon(true);
                return thread;
            });
            clock.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
        }
    }

    private synchronized void tick() {
        if (!running.isEmpty()) {
            redraw();
        }
    }

    private synchronized void printAbove(String line) {
        erase();
        terminal.print(line);
        draw();
    }

    private void redraw() {
        erase();
        draw();
    }

    private void erase() {
        terminal.print(ERASE_LINE_ABOVE.repeat(linesShown) + "\r");
        linesShown = 0;
    }

    private void draw() {
        long now = System.nanoTime();
        for (RunningTask task : running.values()) {
            terminal.println(fitted(task.line(now)));
            linesShown++;
        }
        if (count != null && count.shown()) {
            terminal.println(fitted(count.line(now)));
            linesShown++;
        }
        terminal.flush();
        lastDrawNanos = now;
    }

    /** A line longer than the terminal would wrap, and erasing would then miss its second half. */
    private String fitted(String line) {
        return line.length() < width ? line : line.substring(0, Math.max(0, width - 2)) + "…";
    }

    /** A running task as its line shows it. */
    private static final class RunningTask {
        private final Task task;
        private final long startedNanos;
        private String step = "running";
        private long done;
        private long total;
        private String unit = "";
        private long firstNanos;
        private long firstDone;

        RunningTask(Task task, long startedNanos) {
            this.task = task;
            this.startedNanos = startedNanos;
        }

        void progressed(String step, long done, long total, String unit) {
            if (!step.equals(this.step)) {
                firstNanos = System.nanoTime();
                firstDone = done;
            }
            this.step = step;
            this.done = done;
            this.total = total;
            this.unit = unit;
        }

        /** "  extract    actions_taken_extract(…)  4,000 of 11,994 documents (33 %), 1,332 documents/s  12 s" */
        String line(long now) {
            String progress = total <= 0 ? "" : unit.equals("%") ? String.format(Locale.ROOT, "  %d %%", done)
                    : String.format(Locale.ROOT, "  %,d of %,d %s (%d %%)%s", done, total, unit, 100 * done / total, rate(now));
            return String.format(Locale.ROOT, "  %-10s %s%s  %s", step, task.id(), progress,
                    SummaryText.duration(Duration.ofNanos(now - startedNanos)));
        }

        /** Documents (or rows) per second since the step's first count, once there is something to measure. */
        private String rate(long now) {
            double seconds = (now - firstNanos) / 1e9;
            return seconds < 1 || done == firstDone ? "" : String.format(Locale.ROOT, ", %,.0f %s/s", (done - firstDone) / seconds, unit);
        }
    }

    /** Collects what is printed until a line is complete, then prints it above the running tasks. */
    private final class LineBuffer extends OutputStream {
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            line.write(b);
            if (b == '\n') {
                printAbove(line.toString(StandardCharsets.UTF_8));
                line.reset();
            }
        }
    }
}
