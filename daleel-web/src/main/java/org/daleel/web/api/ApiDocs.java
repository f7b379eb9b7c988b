package org.daleel.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.daleel.web.Html;
import org.daleel.web.Json;
import org.daleel.web.Page;

/**
 * The hand-written OpenAPI 3.1 document ({@code org/daleel/web/openapi.json} on the class path)
 * and an HTML page rendered from it, so the page cannot drift from the document. No script, no
 * external assets.
 */
public final class ApiDocs {
    private static final String RESOURCE = "/org/daleel/web/openapi.json";
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    private final String json;
    private final String page;

    /** Loads the document and stamps it with {@code toolVersion}. */
    public ApiDocs(String toolVersion) {
        try (InputStream in = ApiDocs.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("class path resource " + RESOURCE + " is missing from daleel-web");
            }
            this.json = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("DALEEL_VERSION", toolVersion);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        this.page = Page.render("API", render(Json.parse(json, RESOURCE)), toolVersion);
    }

    /** The OpenAPI document as JSON text. */
    public String openApiJson() {
        return json;
    }

    /** The documentation page. */
    public String page() {
        return page;
    }

    private static Html render(JsonNode doc) {
        Html h = new Html();
        JsonNode info = doc.path("info");
        h.element("h1", info.path("title").asText() + " " + info.path("version").asText());
        h.element("p", info.path("summary").asText());
        h.element("p", info.path("description").asText());
        h.open("p")
                .text("Machine-readable: ")
                .element("a", "/api/openapi.json", "href", "/api/openapi.json")
                .text(" (OpenAPI " + doc.path("openapi").asText() + ").")
                .close("p");
        for (var path : doc.path("paths").properties()) {
            for (String method : METHODS) {
                JsonNode op = path.getValue().get(method);
                if (op != null) {
                    operation(h, doc, method, path.getKey(), op);
                }
            }
        }
        h.element("h2", "Schemas");
        for (var schema : doc.path("components").path("schemas").properties()) {
            schema(h, schema.getKey(), schema.getValue());
        }
        return h;
    }

    private static void operation(Html h, JsonNode doc, String method, String path, JsonNode op) {
        h.open("section", "class", "endpoint", "id", (method + path).replaceAll("[^A-Za-z0-9]+", "-"));
        h.open("h2")
                .element("code", method.toUpperCase(java.util.Locale.ROOT) + " " + path)
                .text(" — " + op.path("summary").asText())
                .close("h2");
        if (op.has("description")) {
            h.element("p", op.get("description").asText());
        }
        if (op.has("parameters")) {
            h.open("table")
                    .open("tr")
                    .element("th", "Parameter")
                    .element("th", "In")
                    .element("th", "Required")
                    .element("th", "Description")
                    .close("tr");
            for (JsonNode p : op.get("parameters")) {
                JsonNode param = resolve(doc, p);
                h.open("tr")
                        .open("td")
                        .element("code", param.path("name").asText())
                        .close("td")
                        .element("td", param.path("in").asText())
                        .element("td", param.path("required").asBoolean(false) ? "yes" : "no")
                        .element("td", param.path("description").asText())
                        .close("tr");
            }
            h.close("table");
        }
        JsonNode body = op.path("requestBody").path("content");
        if (!body.isMissingNode()) {
            h.open("p").text("Request body: ");
            body.fieldNames().forEachRemaining(type -> h.element("code", type).text(" "));
            h.close("p");
        }
        h.open("ul", "class", "responses");
        for (var r : op.path("responses").properties()) {
            h.open("li")
                    .element("code", r.getKey())
                    .text(" " + resolve(doc, r.getValue()).path("description").asText())
                    .close("li");
        }
        h.close("ul");
        h.close("section");
    }

    private static void schema(Html h, String name, JsonNode schema) {
        h.element("h3", name, "id", "schema-" + name);
        if (schema.has("description")) {
            h.element("p", schema.get("description").asText());
        }
        JsonNode props = schema.path("properties");
        if (props.isMissingNode()) {
            return;
        }
        h.open("table")
                .open("tr")
                .element("th", "Field")
                .element("th", "Type")
                .element("th", "Description")
                .close("tr");
        for (var p : props.properties()) {
            JsonNode v = p.getValue();
            String type = v.has("$ref")
                    ? v.get("$ref").asText().replace("#/components/schemas/", "")
                    : v.path("type").asText();
            if (v.has("enum")) {
                type += " ("
                        + String.join(
                                " | ",
                                v.get("enum")
                                        .valueStream()
                                        .map(JsonNode::asText)
                                        .toList()) + ")";
            }
            h.open("tr")
                    .open("td")
                    .element("code", p.getKey())
                    .close("td")
                    .element("td", type)
                    .element("td", v.path("description").asText())
                    .close("tr");
        }
        h.close("table");
    }

    private static JsonNode resolve(JsonNode doc, JsonNode node) {
        if (!node.has("$ref")) {
            return node;
        }
        JsonNode target = doc;
        for (String part : node.get("$ref").asText().replaceFirst("^#/", "").split("/")) {
            target = target.path(part);
        }
        return target;
    }
}
