package cn.yijianshi.system;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** Logback's %msg with ID and phone numbers masked, so no log line carries a citizen's full number. */
public class MaskingMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return PersonalData.maskInText(super.convert(event));
    }
}
