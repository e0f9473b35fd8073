package io.etl.scheduler;

import io.etl.event.RunEvent;
import io.etl.event.RunListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/** Delivers each event to every listener; one listener's failure does not reach the others or the run. */
final class Listeners implements RunListener {

    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final List<RunListener> listeners;

    Listeners(List<RunListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void onEvent(RunEvent event) {
        for (RunListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("run listener {} failed on {}: {}", listener, event.getClass().getSimpleName(), e.toString(), e);
            }
        }
    }
}
