package cn.yijianshi.sla;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** yijianshi_sla_open_tasks{group, state} at /actuator/prometheus, refreshed every 30 seconds. */
@Component
public class SlaGauges {

    private final SlaMonitor monitor;
    private final MultiGauge gauge;

    public SlaGauges(SlaMonitor monitor, MeterRegistry registry) {
        this.monitor = monitor;
        this.gauge = MultiGauge.builder("yijianshi.sla.open.tasks")
                .description("Open tasks of case processes by candidate group and SLA state").register(registry);
    }

    @Scheduled(fixedDelayString = "${yijianshi.sla.gauge-refresh:PT30S}")
    public void refresh() {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        monitor.countsByGroup().forEach((group, states) -> states.forEach((state, count) ->
                rows.add(MultiGauge.Row.of(Tags.of("group", group, "state", state.name()), count))));
        gauge.register(rows, true);
    }
}
