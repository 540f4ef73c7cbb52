package cn.yijianshi.system;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Camunda's history keeps every value a form ever submitted (ACT_HI_VARINST, ACT_HI_DETAIL), and Cockpit
 * shows it. Citizens' ID and phone numbers belong in our own tables only, so every text value is masked
 * on its way into the history: whole for the fields that hold such a number ({@code applicantIdNumber},
 * {@code applicantPhone}, ...), and wherever one appears inside free text.
 */
@Component
public class PersonalDataInHistory extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = new ArrayList<>();
        handlers.add(new Masking());
        handlers.add(new StepStartFromItsTask());
        if (configuration.getCustomHistoryEventHandlers() != null) {
            handlers.addAll(configuration.getCustomHistoryEventHandlers());
        }
        // Ours first, then Camunda's own database handler (a step's start from its task) writes the masked event.
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        configuration.setCustomHistoryEventHandlers(handlers);
    }

    static String masked(String variableName, String value) {
        if (value == null || variableName == null) {
            return value;
        }
        if (variableName.endsWith("IdNumber")) {
            return PersonalData.maskIdNumber(value);
        }
        if (variableName.endsWith("Phone")) {
            return PersonalData.maskPhone(value);
        }
        return PersonalData.maskInText(value);
    }

    private static final class Masking implements HistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            if (event instanceof HistoricVariableUpdateEventEntity update && update.getTextValue() != null
                    && "string".equals(update.getSerializerName())) {
                update.setTextValue(masked(update.getVariableName(), update.getTextValue()));
            } else if (event instanceof HistoricFormPropertyEventEntity form) {
                if (form.getPropertyValue() instanceof String value) {
                    form.setPropertyValue(masked(form.getPropertyId(), value));
                }
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            events.forEach(this::handleEvent);
        }
    }
}
