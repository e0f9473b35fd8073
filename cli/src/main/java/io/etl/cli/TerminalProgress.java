package io.etl.cli;

import io.etl.event.RunEvent;
import io.etl.event.RunListener;
import io.etl.task.Task;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;

/** On a terminal, a progress bar for each long step (rows extracted, rows loaded…) while its task runs. */
final class TerminalProgress implements RunListener {

    private final PrintStream terminal;
    private final Map<Task, ProgressBar> bars = new HashMap<>();

    TerminalProgress(PrintStream terminal) {
        this.terminal = terminal;
    }

    @Override
    public void onEvent(RunEvent event) {
        if (event instanceof RunEvent.TaskProgressed p && p.total() > 1) {
            ProgressBar bar = bars.computeIfAbsent(p.task(), task -> new ProgressBarBuilder()
                    .setTaskName(task.family() + " " + p.step())
                    .setInitialMax(p.total())
                    .setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(terminal))
                    .setUpdateIntervalMillis(250)
                    .showSpeed()
                    .build());
            bar.maxHint(p.total());
            bar.stepTo(p.done());
        } else if (event instanceof RunEvent.TaskSucceeded || event instanceof RunEvent.TaskFailed) {
            Task task = event instanceof RunEvent.TaskSucceeded s ? s.task() : ((RunEvent.TaskFailed) event).task();
            ProgressBar bar = bars.remove(task);
            if (bar != null) {
                bar.close();
            }
        } else if (event instanceof RunEvent.RunFinished) {
            bars.values().forEach(ProgressBar::close);
            bars.clear();
        }
    }
}
