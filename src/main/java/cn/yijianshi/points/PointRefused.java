package cn.yijianshi.points;

import cn.yijianshi.system.ApiProblem;

/** A point (or an import) refused with every problem found, nothing written: answered 400 with the problem as it is. */
public class PointRefused extends RuntimeException {

    private final transient Object body;

    public PointRefused(Object body) {
        super(body instanceof ApiProblem p ? p.message() : "service point import refused");
        this.body = body;
    }

    public Object body() {
        return body;
    }
}
