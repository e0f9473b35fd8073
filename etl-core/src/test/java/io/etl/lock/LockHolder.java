package io.etl.lock;

import java.nio.file.Path;
import java.time.Clock;

/** Holds a run lock in a separate process until killed, as a run in progress would. */
public final class LockHolder {

    public static void main(String[] args) throws InterruptedException {
        RunLock lock = RunLock.acquire(Path.of(args[0]), args[1], LockOwner.currentProcess(Clock.systemUTC(), "etl run " + args[1]));
        System.out.println("locked");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
        lock.close();
    }
}
