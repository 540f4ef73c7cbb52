package cn.yijianshi.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One login for Tasklist, Cockpit, Admin and our own pages (/sla, /reports). Both keep their login in
 * the same HTTP session: whoever logged in on one side is logged in on the other on the next request,
 * and logging in or out in the web apps does the same for our pages (our /logout ends the whole session).
 */
public class OneLogin extends OncePerRequestFilter {

    private static final String WEBAPP_AUTH = "/camunda/api/admin/auth/user/";

    private final ProcessEngine engine;
    private final CamundaUserAuthentication users;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    public OneLogin(ProcessEngine engine, CamundaUserAuthentication users) {
        this.engine = engine;
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        HttpSession session = request.getSession(false);
        if (session != null && "POST".equals(request.getMethod()) && path.startsWith(WEBAPP_AUTH)
                && (path.endsWith("/logout") || path.contains("/login/"))) {
            // A login or logout in the web apps replaces whoever our pages knew in this session.
            SecurityContextHolder.clearContext();
            session.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        } else if (session != null) {
            share(request, response, session, path);
        }
        chain.doFilter(request, response);
    }

    private void share(HttpServletRequest request, HttpServletResponse response, HttpSession session, String path) {
        Authentication ours = SecurityContextHolder.getContext().getAuthentication();
        boolean loggedInHere = ours != null && ours.isAuthenticated() && !(ours instanceof AnonymousAuthenticationToken);
        Authentications webapps = AuthenticationUtil.getAuthsFromSession(session);
        boolean loggedInThere = webapps.hasAuthenticationForProcessEngine(engine.getName());
        if (loggedInHere && !loggedInThere && path.startsWith("/camunda/")) {
            webapps.addOrReplace(AuthenticationUtil.createAuthentication(engine, ours.getName()));
            AuthenticationUtil.updateSession(session, webapps);
        } else if (!loggedInHere && loggedInThere) {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(users.loggedIn(webapps.getAuthenticationForProcessEngine(engine.getName()).getName()));
            SecurityContextHolder.setContext(context);
            contexts.saveContext(context, request, response);
        }
    }
}
