package cn.yijianshi.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The matter files shipped in this build ({@code processes/*}{@code /matter.json}), read without an engine. */
public final class ShippedMatters implements MatterLookup {

    private final List<Matter> matters;

    public ShippedMatters() {
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        List<Matter> read = new ArrayList<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:processes/**/" + MatterCatalog.MATTER_FILE)) {
                try (InputStream in = resource.getInputStream()) {
                    read.add(json.readValue(in, Matter.class));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped matter files", e);
        }
        this.matters = List.copyOf(read);
    }

    public List<Matter> all() {
        return matters;
    }

    @Override
    public Optional<Matter> byKey(String key) {
        return matters.stream().filter(m -> m.key().equals(key)).findFirst();
    }

    @Override
    public Optional<Matter> byProcessKey(String processKey) {
        return matters.stream().filter(m -> m.processKey().equals(processKey)).findFirst();
    }
}
