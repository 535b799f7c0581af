package dev.pinfuzz.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON writer's output is read back by an independent parser, value for value. */
final class JsonTest {
    @Test
    void nestedValuesAndAwkwardStringsSurviveAStrictParser() throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "quote \" backslash \\ newline \n tab \t bell \u0007 é");
        m.put("n", 42L);
        m.put("d", 2.5);
        m.put("whole", 3.0);
        m.put("b", true);
        m.put("nil", null);
        m.put("list", List.of(1, "two", Map.of("k", List.of())));
        m.put("empty", Map.of());
        JsonNode n = new ObjectMapper().readTree(Json.write(m));
        assertEquals(m.get("s"), n.get("s").asText());
        assertEquals(42, n.get("n").asLong());
        assertEquals(2.5, n.get("d").asDouble());
        assertEquals(3, n.get("whole").asLong());
        assertEquals(true, n.get("b").asBoolean());
        assertEquals(true, n.get("nil").isNull());
        assertEquals("two", n.get("list").get(1).asText());
        assertEquals(0, n.get("list").get(2).get("k").size());
        assertEquals(List.of("s", "n", "d", "whole", "b", "nil", "list", "empty"), iterate(n));
    }

    private static List<String> iterate(JsonNode n) {
        List<String> keys = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
