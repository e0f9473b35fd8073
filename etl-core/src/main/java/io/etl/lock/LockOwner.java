package io.etl.lock;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;

/** Who holds a run lock, written into the lock file so that a refused run can say who it waits for. */
public record LockOwner(long pid, String host, Instant since, String command) {

    public static LockOwner currentProcess(Clock clock, String command) {
        ProcessHandle self = ProcessHandle.current();
        return new LockOwner(self.pid(), hostName(), clock.instant(), command);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "localhost";
        }
    }

    @Override
    public String toString() {
        return "pid " + pid + " on " + host + " since " + since + (command.isBlank() ? "" : " (" + command + ")");
    }
}
