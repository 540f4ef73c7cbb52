package cn.yijianshi.catalog;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Chinese name of every matter key this node has read from a deployment, for places that turn a stored
 * code into words without a request at hand (report cells); before this node has read the deployments, the shipped
 * matter files answer. A key known to neither is shown as itself.
 */
public final class MatterNames {

    private static final Map<String, String> NAMES = new ConcurrentHashMap<>();

    private MatterNames() {
    }

    static void learn(String key, String name) {
        NAMES.put(key, name);
    }

    public static String of(String key) {
        if (key == null) {
            return null;
        }
        String name = NAMES.get(key);
        if (name == null) {
            new ShippedMatters().all().forEach(m -> NAMES.putIfAbsent(m.key(), m.name()));
            name = NAMES.get(key);
        }
        return name == null ? key : name;
    }

    public static Map<String, String> known() {
        return Map.copyOf(NAMES);
    }
}
