package io.etl.cli;

import io.etl.audit.AuditResult;
import io.etl.audit.BucketCount;
import io.etl.config.Settings;
import io.etl.state.Json;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The alert of an audit that differs, to the webhook of the run alerts ({@link WebhookAlert}): the verdict as the
 * text, and the buckets that differ (the first {@value #LISTED}) in an attachment.
 */
final class AuditAlert {

    static final int LISTED = 20;

    private AuditAlert() {
    }

    static ObjectNode of(AuditResult audit, Settings settings) {
        String host = AlertMessage.hostName();
        ObjectNode message = Json.MAPPER.createObjectNode();
        message.put("text", settings.mask("etl audit " + audit.etl() + ": " + AuditText.verdict(audit) + " (" + host + ")"));
        ObjectNode attachment = message.putArray("attachments").addObject();
        attachment.put("color", "danger");
        ArrayNode fields = attachment.putArray("fields");
        fields.addObject().put("title", "ETL").put("value", audit.etl()).put("short", true);
        fields.addObject().put("title", "Range").put("value", audit.range() + " by " + audit.by().sqlUnit()).put("short", false);
        List<BucketCount> differing = audit.differing();
        String buckets = differing.stream().limit(LISTED)
                .map(b -> String.format("%s: source %,d, warehouse %,d, rejected %,d, difference %+,d", AuditText.label(audit.by(), b),
                        b.source(), b.warehouse(), b.rejected(), b.difference()))
                .collect(Collectors.joining("\n")) + (differing.size() > LISTED ? "\n… and " + (differing.size() - LISTED) + " more" : "");
        fields.addObject().put("title", "Buckets that differ").put("value", buckets).put("short", false);
        fields.addObject().put("title", "Host").put("value", host).put("short", true);
        return message;
    }
}
