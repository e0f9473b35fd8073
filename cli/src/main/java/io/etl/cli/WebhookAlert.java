package io.etl.cli;

import io.etl.config.SettingKey;
import io.etl.config.SettingType;
import io.etl.config.Settings;
import io.etl.scheduler.RunStatus;
import io.etl.state.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Posts an {@link AlertMessage} to the webhook of setting {@code alert.webhook} (a Slack incoming webhook or
 * anything that takes the same JSON) when a run fails, and when it succeeds too if {@code alert.on.success=true}.
 * The timeout is short: an alert is worth little next to finishing the job, and a failed post is only a warning.
 */
record WebhookAlert(URI webhook, boolean onSuccess, Settings settings, Optional<String> reportLink) implements RunReport {

    /** Secret: whoever has the URL can post to the channel. */
    static final SettingKey<Optional<URI>> WEBHOOK = SettingKey.optional("alert.webhook",
            SettingType.of("an http(s) URL, such as a Slack incoming webhook", URI::create)
                    .requiring(uri -> "https".equals(uri.getScheme()) || "http".equals(uri.getScheme())),
            "Where to post an alert when a run fails (a Slack incoming webhook, or anything that takes the same JSON)").asSecret();
    static final SettingKey<Boolean> ON_SUCCESS = SettingKey.of("alert.on.success", SettingType.bool(), "false",
            "Alert when a run succeeds too");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /**
     * The alert the settings ask for, if they name a webhook.
     *
     * @param reportLink where the run's HTML report can be read, for the message to point at
     */
    static Optional<WebhookAlert> from(Settings settings, Optional<String> reportLink) {
        return settings.get(WEBHOOK).map(url -> new WebhookAlert(url, settings.get(ON_SUCCESS), settings, reportLink));
    }

    @Override
    public String description() {
        // the URL itself is a secret: whoever has it can post to the channel
        return "alert to the webhook of setting " + WEBHOOK.name();
    }

    @Override
    public void write(FinishedRun run) throws IOException, InterruptedException {
        if (run.summary().status() == RunStatus.SUCCESS && Rejected.of(run.summary()) == 0 && !onSuccess) {
            return;
        }
        post(AlertMessage.of(run, settings, reportLink));
    }

    /** Posts a message, already masked; fails unless the webhook answers 2xx. */
    void post(ObjectNode message) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        HttpRequest request = HttpRequest.newBuilder(webhook)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(message)))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("the webhook answered HTTP " + response.statusCode());
        }
    }
}
