package io.etl.lock;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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

    /** Starts a JVM that takes the lock {@code key} in {@code locks} and waits to be killed; returns once it holds it. */
    public static Process start(Path locks, String key) throws Exception {
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), locks.toString(), key)
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        if (!"locked".equals(out.readLine())) {
            holder.destroyForcibly();
            throw new IllegalStateException("the lock holder did not take the lock " + key);
        }
        return holder;
    }
}
