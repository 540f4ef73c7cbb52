package cn.yijianshi.retirement;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/** The materials a citizen can hand in, by code, with their Chinese names (policy/materials.json). */
@Component
public class MaterialCatalogue {

    record Entry(String code, String name) {
    }

    record File(String source, String effectiveDate, List<Entry> materials) {
    }

    private final Map<String, String> names = new LinkedHashMap<>();

    public MaterialCatalogue(ObjectMapper json) throws IOException {
        try (InputStream in = MaterialCatalogue.class.getResourceAsStream("/policy/materials.json")) {
            json.readValue(in, File.class).materials().forEach(m -> names.put(m.code(), m.name()));
        }
    }

    public boolean knows(String code) {
        return names.containsKey(code);
    }

    public Optional<String> name(String code) {
        return Optional.ofNullable(names.get(code));
    }

    /** The Chinese name, or the code itself for one that is no longer in the catalogue. */
    public String nameOf(String code) {
        return names.getOrDefault(code, code);
    }
}
