package cn.yijianshi.notify;

/**
 * Delivers one outbox message (SMS, WeChat, 12333 app ...). Plug in a real gateway by declaring
 * another bean of this type; a failure is retried by the relay.
 */
public interface NotificationSender {

    void deliver(OutboxMessage message) throws Exception;
}
