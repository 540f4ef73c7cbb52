package cn.yijianshi.sla;

/** How many open SLA records one owner (a group, or an assignee) has in one state, as counted by the database. */
public class OpenCount {

    private String ownerKind;
    private String owner;
    private SlaState state;
    private long openCount;

    public String getOwnerKind() { return ownerKind; }
    public void setOwnerKind(String ownerKind) { this.ownerKind = ownerKind; }
    public String getOwner() { return owner; }
    public void setOwner(String owner) { this.owner = owner; }
    public SlaState getState() { return state; }
    public void setState(SlaState state) { this.state = state; }
    public long getOpenCount() { return openCount; }
    public void setOpenCount(long openCount) { this.openCount = openCount; }
}
