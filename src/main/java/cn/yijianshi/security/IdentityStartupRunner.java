package cn.yijianshi.security;

import java.util.List;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Runs the identity set-up steps once the engine is up, before any runner (the bench) or request. */
@Component
public class IdentityStartupRunner {

    private final List<IdentityStartup> steps;

    public IdentityStartupRunner(List<IdentityStartup> steps) {
        this.steps = steps;
    }

    @EventListener
    public void onEngineReady(ApplicationStartedEvent event) {
        steps.forEach(IdentityStartup::run);
    }
}
