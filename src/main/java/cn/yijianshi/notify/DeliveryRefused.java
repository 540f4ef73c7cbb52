package cn.yijianshi.notify;

/** The gateway refused a message for good (HTTP 4xx: a bad number, an unknown template ...): trying again cannot help. */
public class DeliveryRefused extends Exception {

    public DeliveryRefused(String message) {
        super(message);
    }
}
