package dev.camelzest.sandbox.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.camelzest.sandbox.http.ApiException;
import dev.camelzest.sandbox.http.Json;

/**
 * The read-only, versioned contract registry, built into the sandbox as classpath resources under
 * {@code contracts/}: {@code index.json} names each version's templates, catalogs, primitives and
 * samples, each a JSON document at {@code contracts/<version>/<kind>/<name>.json}. Loaded once; templates
 * are resolved (primitives merged, catalogs expanded, patterns compiled) at load time.
 */
public final class ContractRegistry {

    private static final String ROOT = "contracts/";

    private final Map<String, Version> versions;

    private ContractRegistry(Map<String, Version> versions) {
        this.versions = versions;
    }

    /** The registry built into the sandbox, loaded once per JVM (it is read-only). */
    public static ContractRegistry builtIn() {
        return BuiltIn.INSTANCE;
    }

    private static final class BuiltIn {
        static final ContractRegistry INSTANCE = load();
    }

    private static ContractRegistry load() {
        JsonNode index = read(ROOT + "index.json");
        Map<String, Version> versions = new LinkedHashMap<>();
        index.get("versions").fields().forEachRemaining(entry -> versions.put(entry.getKey(),
                Version.load(entry.getKey(), entry.getValue())));
        return new ContractRegistry(Collections.unmodifiableMap(versions));
    }

    /** The versions with their release dates, in publication order. */
    public List<Map<String, Object>> versions() {
        List<Map<String, Object>> list = new ArrayList<>();
        versions.values().forEach(v -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("version", v.name);
            entry.put("releasedAt", v.releasedAt);
            list.add(entry);
        });
        return list;
    }

    /** The documents of one kind in a version; 404 for an unknown version. */
    public Map<String, JsonNode> documents(ContractKind kind, String version) {
        return version(version).documents.get(kind);
    }

    /** One document; 404 for an unknown version or name. */
    public JsonNode document(ContractKind kind, String version, String name) {
        JsonNode document = documents(kind, version).get(name);
        if (document == null) {
            throw ApiException.notFound("Contract version " + version + " has no " + kind.singular() + " "
                    + name + ".");
        }
        return document;
    }

    /** The template an SPV request names; 404 when the version or template does not exist. */
    public Template template(String version, String name) {
        return Optional.ofNullable(versions.get(version))
                .map(v -> v.templates.get(name))
                .orElseThrow(() -> ApiException.notFound("Template " + name + " version " + version
                        + " not found."));
    }

    private Version version(String version) {
        Version found = versions.get(version);
        if (found == null) {
            throw ApiException.notFound("Unknown contract version " + version + ".");
        }
        return found;
    }

    private static JsonNode read(String resource) {
        try (InputStream in = ContractRegistry.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("contract resource " + resource + " is missing");
            }
            return Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One contract version: its documents and its resolved templates. */
    private static final class Version {
        private final String name;
        private final String releasedAt;
        private final Map<ContractKind, Map<String, JsonNode>> documents = new EnumMap<>(ContractKind.class);
        private final Map<String, Template> templates = new LinkedHashMap<>();

        private Version(String name, String releasedAt) {
            this.name = name;
            this.releasedAt = releasedAt;
        }

        static Version load(String name, JsonNode entry) {
            Version version = new Version(name, entry.path("releasedAt").asText(null));
            for (ContractKind kind : ContractKind.values()) {
                Map<String, JsonNode> byName = new LinkedHashMap<>();
                entry.path(kind.plural()).forEach(documentName -> byName.put(documentName.asText(),
                        read(ROOT + name + "/" + kind.plural() + "/" + documentName.asText() + ".json")));
                version.documents.put(kind, Collections.unmodifiableMap(byName));
            }
            version.documents.get(ContractKind.TEMPLATES).forEach((templateName, document) ->
                    version.templates.put(templateName, version.resolveTemplate(templateName, document)));
            return version;
        }

        private Template resolveTemplate(String templateName, JsonNode document) {
            Map<String, Rule> rules = new LinkedHashMap<>();
            document.get("attributes").fields().forEachRemaining(attribute -> rules.put(attribute.getKey(),
                    resolve(Json.convert(attribute.getValue(), AttributeRule.class))));
            return new Template(templateName, name, Collections.unmodifiableMap(rules));
        }

        private Rule resolve(AttributeRule rule) {
            AttributeRule merged = rule;
            while (merged.primitive() != null) {
                JsonNode primitive = documents.get(ContractKind.PRIMITIVES).get(merged.primitive());
                if (primitive == null) {
                    throw new IllegalStateException("contract " + name + " has no primitive " + merged.primitive());
                }
                merged = merged.over(Json.convert(primitive, AttributeRule.class));
            }
            Map<String, Rule> properties = null;
            if (merged.properties() != null) {
                properties = new LinkedHashMap<>();
                for (Map.Entry<String, AttributeRule> property : merged.properties().entrySet()) {
                    properties.put(property.getKey(), resolve(property.getValue()));
                }
            }
            return new Rule(merged.type(), Boolean.TRUE.equals(merged.required()), catalogValues(merged.catalog()),
                    merged.pattern() == null ? null : Pattern.compile(merged.pattern()), merged.format(),
                    merged.minLength(), merged.maxLength(), merged.minValue(), merged.maxValue(),
                    Boolean.TRUE.equals(merged.exclusiveMinimum()), properties);
        }

        private List<String> catalogValues(String catalog) {
            if (catalog == null) {
                return null;
            }
            JsonNode document = documents.get(ContractKind.CATALOGS).get(catalog);
            if (document == null) {
                throw new IllegalStateException("contract " + name + " has no catalog " + catalog);
            }
            List<String> values = new ArrayList<>();
            document.get("values").forEach(v -> values.add(v.asText()));
            return List.copyOf(values);
        }
    }
}
