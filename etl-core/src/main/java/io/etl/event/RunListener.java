package io.etl.event;

/** Hears the events of a run. Events arrive on one thread, in order; a listener that throws is logged and ignored. */
@FunctionalInterface
public interface RunListener {

    void onEvent(RunEvent event);
}
