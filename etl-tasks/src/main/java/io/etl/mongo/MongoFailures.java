package io.etl.mongo;

import io.etl.scheduler.SummaryText;
import io.etl.task.PermanentFailure;

import java.io.IOException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mongodb.MongoSecurityException;
import com.mongodb.MongoTimeoutException;

/** The driver's failures to reach a source or log in to it, as one line naming the source (never the URI). */
final class MongoFailures {

    /**
     * The driver puts the last connection error of each server in the timeout's text, as
     * {@code exception={com.mongodb.MongoSocketOpenException: …}, caused by {java.net.ConnectException: Connection refused}}.
     */
    private static final Pattern SERVER_ERROR = Pattern.compile("(?:exception=|caused by )\\{(?:[\\w$]+\\.)*([\\w$]+): ([^}]*)}");

    private MongoFailures() {
    }

    /** Not permanent: the server may be back for the next attempt. */
    static IOException unreachable(MongoSource source, MongoTimeoutException e) {
        String reason = lastServerError(e.getMessage());
        return new IOException("MongoDB " + source.describe() + " did not answer within "
                + SummaryText.duration(Duration.ofMillis(source.uri().getOptions().getServerSelectionTimeout()))
                + (reason.isEmpty() ? "" : " (" + reason + ")")
                + ": check that it runs and is reachable from here, or raise setting " + MongoSource.TIMEOUT.name(), e);
    }

    /** Permanent: another attempt sends the same credentials. */
    static PermanentFailure rejected(MongoSource source, MongoSecurityException e) {
        String user = e.getCredential() == null ? "" : " of user '" + e.getCredential().getUserName() + "'";
        return new PermanentFailure("MongoDB " + source.describe() + " rejected the login" + user
                + ": check the user and password in setting " + MongoSource.URI.name(), e);
    }

    private static String lastServerError(String message) {
        String reason = "";
        Matcher error = SERVER_ERROR.matcher(message == null ? "" : message);
        while (error.find()) {
            reason = error.group(1) + ": " + error.group(2);
        }
        return reason;
    }
}
