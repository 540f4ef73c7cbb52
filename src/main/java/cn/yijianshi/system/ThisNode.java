package cn.yijianshi.system;

import java.lang.management.ManagementFactory;

/** This node's name in the shared tables (lock holders, gauge counts, markers): process id and host. */
public final class ThisNode {

    private static final String NAME = ManagementFactory.getRuntimeMXBean().getName();

    private ThisNode() {
    }

    public static String name() {
        return NAME;
    }
}
