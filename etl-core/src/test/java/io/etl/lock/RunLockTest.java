package io.etl.lock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunLockTest {

    @TempDir
    Path locks;

    private static LockOwner me() {
        return LockOwner.currentProcess(Clock.systemUTC(), "etl run actions_taken");
    }

    @Test
    void a_second_run_of_the_same_etl_is_refused_while_the_first_holds_the_lock() {
        try (RunLock first = RunLock.acquire(locks, "actions_taken", me())) {
            AlreadyRunningException e = assertThrows(AlreadyRunningException.class,
                    () -> RunLock.acquire(locks, "actions_taken", me()));
            assertEquals(ProcessHandle.current().pid(), e.owner().orElseThrow().pid());
            assertTrue(e.getMessage().startsWith("actions_taken is already running: pid " + ProcessHandle.current().pid()));
        }
    }

    @Test
    void different_etls_run_at_the_same_time() {
        try (RunLock orders = RunLock.acquire(locks, "orders", me());
             RunLock users = RunLock.acquire(locks, "users", me())) {
            assertTrue(orders.takenOverFrom().isEmpty() && users.takenOverFrom().isEmpty());
        }
    }

    @Test
    void the_lock_is_free_again_after_a_clean_finish() {
        RunLock.acquire(locks, "actions_taken", me()).close();

        try (RunLock again = RunLock.acquire(locks, "actions_taken", me())) {
            assertTrue(again.takenOverFrom().isEmpty(), "a clean finish leaves no owner behind");
        }
    }

    @Test
    void another_process_holding_the_lock_refuses_this_one_and_a_killed_holder_is_taken_over() throws Exception {
        Process holder = LockHolder.start(locks, "actions_taken");
        try {
            AlreadyRunningException refused = assertThrows(AlreadyRunningException.class,
                    () -> RunLock.acquire(locks, "actions_taken", me()));
            assertEquals(holder.pid(), refused.owner().orElseThrow().pid());
        } finally {
            holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }

        try (RunLock taken = RunLock.acquire(locks, "actions_taken", me())) {
            assertEquals(holder.pid(), taken.takenOverFrom().orElseThrow().pid());
        }
    }
}
