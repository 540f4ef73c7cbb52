package cn.yijianshi.online;

import java.io.Serializable;

import cn.yijianshi.system.PersonalData;

/**
 * The citizen signed in to 码上办, kept in the HTTP session (Spring Session JDBC: every node reads the same one).
 * {@code demo}: verified by the demo provider only (phone code; the ID and name were typed, not checked).
 */
public record OnlineCitizen(String idNumber, String name, String phone, String verifiedBy, boolean demo)
        implements Serializable {

    public String maskedId() {
        return PersonalData.maskIdNumber(idNumber);
    }

    public String maskedPhone() {
        return PersonalData.maskPhone(phone);
    }
}
