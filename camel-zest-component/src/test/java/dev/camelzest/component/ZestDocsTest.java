package dev.camelzest.component;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The component page documents every operation, option and header the catalog lists. */
class ZestDocsTest {

    @Test
    void documentsEveryOperationOptionAndHeader() throws Exception {
        String docs = Files.readString(Path.of("src/main/docs/zest-component.adoc"));
        JsonNode catalog;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/dev/camelzest/component/zest.json")) {
            catalog = new ObjectMapper().readTree(in);
        }
        List<String> missing = new ArrayList<>();
        for (ZestOperation operation : ZestOperation.values()) {
            if (!docs.contains("| `" + operation.name() + "`")) {
                missing.add("operation " + operation);
            }
        }
        for (String group : List.of("componentProperties", "properties")) {
            catalog.get(group).properties().stream().map(java.util.Map.Entry::getKey).forEach(option -> {
                if (!docs.contains("*" + option + "*")) {
                    missing.add(group + " " + option);
                }
            });
        }
        catalog.get("headers").properties().stream().map(java.util.Map.Entry::getKey).forEach(header -> {
            if (!docs.contains("`" + header + "`")) {
                missing.add("header " + header);
            }
        });
        assertTrue(missing.isEmpty(), "not in zest-component.adoc: " + missing);
    }

    /**
     * The option and header tables are the catalog's. After changing an option, rebuild and run this test with
     * {@code -Dzest.docs.write=true} to rewrite them.
     */
    @Test
    void theOptionTablesAreRenderedFromTheCatalog() throws Exception {
        Path page = Path.of("src/main/docs/zest-component.adoc");
        String docs = Files.readString(page);
        JsonNode catalog;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/dev/camelzest/component/zest.json")) {
            catalog = new ObjectMapper().readTree(in);
        }
        String rendered = CatalogTables.replaceBlock(docs, CatalogTables.render(catalog));
        if (Boolean.getBoolean("zest.docs.write")) {
            Files.writeString(page, rendered);
        }
        assertEquals(rendered, Files.readString(page), "the tables differ from the catalog: run with -Dzest.docs.write=true");
    }
}
