package io.etl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.etl.state.Json;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A webhook on loopback that keeps every message posted to it, for one test at a time:
 * {@code @RegisterExtension final Webhook webhook = new Webhook("/hook");}.
 */
final class Webhook implements BeforeEachCallback, AfterEachCallback {

    private final String path;
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private HttpServer server;

    Webhook(String path) {
        this.path = path;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        received.clear();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(path, exchange -> {
            received.add(Json.MAPPER.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        stop();
    }

    /** Stops answering: a webhook that cannot be reached. */
    synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** What {@code ETL_ALERT_WEBHOOK} should be. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The messages posted so far, in order. */
    List<JsonNode> received() {
        return List.copyOf(received);
    }
}
