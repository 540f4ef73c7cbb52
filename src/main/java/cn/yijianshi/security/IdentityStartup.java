package cn.yijianshi.security;

/** One step of setting up identity when the engine has started; steps run in their @Order. */
public interface IdentityStartup {
    void run();
}
