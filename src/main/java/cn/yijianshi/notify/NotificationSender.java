package cn.yijianshi.notify;

/**
 * Delivers one outbox message (SMS, WeChat, 12333 app ...). Returning normally means delivered. Throwing
 * {@link DeliveryRefused} means the message can never be delivered as it is (failed for good); any other
 * exception means "not now" and the relay tries again later. Chosen by {@code yijianshi.notify.sender}.
 */
public interface NotificationSender {

    void deliver(OutboxMessage message) throws Exception;
}
