package cn.yijianshi.intake;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import cn.yijianshi.system.RefusedRequest;
import org.springframework.stereotype.Component;

/** The matters this hall accepts, each with its {@link MatterIntake}. */
@Component
public class MatterIntakes {

    private final Map<Matter, MatterIntake> byMatter = new EnumMap<>(Matter.class);

    public MatterIntakes(List<MatterIntake> intakes) {
        intakes.forEach(intake -> byMatter.put(intake.matter(), intake));
    }

    public MatterIntake of(Matter matter) {
        MatterIntake intake = byMatter.get(matter);
        if (intake == null) {
            throw RefusedRequest.badInput("matter", "本厅暂不受理该事项：" + matter, "this matter is not handled here: " + matter);
        }
        return intake;
    }
}
