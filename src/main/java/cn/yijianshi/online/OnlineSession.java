package cn.yijianshi.online;

import cn.yijianshi.system.RefusedRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Component;

/**
 * The citizen signed in to 码上办, in the HTTP session. Sessions are Spring Session JDBC rows, so a citizen signed in
 * on one node is signed in on every node. Signing in takes a new session id (no fixation).
 */
@Component
public class OnlineSession {

    static final String ATTRIBUTE = "yijianshi.online.citizen";

    public void signIn(HttpServletRequest request, OnlineCitizen citizen) {
        request.getSession(true);
        request.changeSessionId();
        request.getSession().setAttribute(ATTRIBUTE, citizen);
    }

    public void signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(ATTRIBUTE);
        }
    }

    /** The signed-in citizen, or 401 naming the session. */
    public OnlineCitizen require(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object citizen = session == null ? null : session.getAttribute(ATTRIBUTE);
        if (citizen instanceof OnlineCitizen signedIn) {
            return signedIn;
        }
        throw RefusedRequest.unauthorized("session", "请先实名登录码上办", "sign in to 码上办 first");
    }
}
