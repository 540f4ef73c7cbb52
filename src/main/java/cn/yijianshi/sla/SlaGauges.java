package cn.yijianshi.sla;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import cn.yijianshi.system.ThisNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * yijianshi_sla_open_tasks{group, state} at /actuator/prometheus, refreshed every 30 seconds
 * (yijianshi.sla.gauge-refresh). On several nodes one node counts for the cluster and only that node
 * exposes the gauge; the others expose no series of it, so a sum over the nodes is the hall's count.
 * The counter keeps its role while it refreshes; when it has not counted for three refreshes (it died,
 * or stopped), the next node to refresh takes over. Counting is serialized by a row lock on
 * sla_gauge_counter, so two nodes never count the same moment.
 */
@Component
public class SlaGauges {

    private final SlaMonitor monitor;
    private final SlaGaugeMapper mapper;
    private final TransactionTemplate transaction;
    private final MultiGauge gauge;
    private final long leaseMillis;

    public SlaGauges(SlaMonitor monitor, SlaGaugeMapper mapper, TransactionTemplate transaction, MeterRegistry registry,
                     @Value("${yijianshi.sla.gauge-refresh:PT30S}") Duration refresh) {
        this.monitor = monitor;
        this.mapper = mapper;
        this.transaction = transaction;
        this.leaseMillis = refresh.toMillis() * 3;
        this.gauge = MultiGauge.builder("yijianshi.sla.open.tasks")
                .description("Open tasks of case processes by candidate group and SLA state (exposed by one node of the cluster)")
                .register(registry);
    }

    @Scheduled(fixedDelayString = "${yijianshi.sla.gauge-refresh:PT30S}")
    public void refresh() {
        boolean counter = Boolean.TRUE.equals(transaction.execute(status -> countIfMyTurn()));
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        if (counter) {
            mapper.counts().forEach(c -> rows.add(MultiGauge.Row.of(Tags.of("group", c.groupId(), "state", c.slaState()),
                    c.openTasks())));
        }
        gauge.register(rows, true);
    }

    /** Counts for the cluster when this node is the counter or the counter has gone quiet; true when it counted. */
    private boolean countIfMyTurn() {
        SlaGaugeMapper.Counter current = mapper.lockCounter();
        long now = System.currentTimeMillis();
        if (!ThisNode.name().equals(current.node()) && now - current.countedAt() < leaseMillis) {
            return false;
        }
        mapper.clear();
        monitor.countsByGroup().forEach((group, states) -> states.forEach((state, count) ->
                mapper.insert(new SlaGaugeMapper.Count(group, state.name(), count))));
        mapper.counted(ThisNode.name(), now);
        return true;
    }
}
