package cn.yijianshi.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/** FEEL parsed once per text: the same answers as Camunda's engine, each text parsed once, a bad one refused each time. */
class FeelParsedOnceTest {

    private static final String TABLE = """
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_Age" name="年龄" namespace="test">
              <decision id="Decision_Age" name="年龄档">
                <decisionTable id="Table_Age">
                  <input id="Input_Age" label="年龄"><inputExpression id="Expr_Age" typeRef="integer"><text>age + 0</text></inputExpression></input>
                  <output id="Output_Band" name="band" typeRef="string" />
                  <rule id="Rule_Old"><inputEntry id="Entry_Old"><text>&gt;= 60</text></inputEntry><outputEntry id="Out_Old"><text>"老年"</text></outputEntry></rule>
                  <rule id="Rule_Young"><inputEntry id="Entry_Young"><text>&lt; 60</text></inputEntry><outputEntry id="Out_Young"><text>"非老年"</text></outputEntry></rule>
                </decisionTable>
              </decision>
            </definitions>
            """;

    @Test
    void theEngineOfDecisionsParsesEachTextOnceAndAnswersAsCamundasOwn() throws Exception {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        new FeelParsedOnce().preInit(configuration);
        DefaultDmnEngineConfiguration dmnConfiguration = configuration.getDmnEngineConfiguration();
        DmnEngine dmn = dmnConfiguration.buildEngine();
        assertThat(parsing(dmnConfiguration.getFeelEngine())).as("decisions use the engine that parses once")
                .isInstanceOf(FeelParsedOnce.ParsingOnce.class);

        DmnDecision decision = dmn.parseDecision("Decision_Age",
                new ByteArrayInputStream(TABLE.getBytes(StandardCharsets.UTF_8)));
        for (int round = 0; round < 3; round++) {
            assertThat((Object) dmn.evaluateDecisionTable(decision, Variables.putValue("age", 65)).getSingleResult()
                    .getSingleEntry()).isEqualTo("老年");
            assertThat((Object) dmn.evaluateDecisionTable(decision, Variables.putValue("age", 59)).getSingleResult()
                    .getSingleEntry()).isEqualTo("非老年");
        }
        FeelParsedOnce.ParsingOnce feel = (FeelParsedOnce.ParsingOnce) parsing(dmnConfiguration.getFeelEngine());
        assertThat(feel.parseUnaryTests(">= 60").toOption().get()).as("kept: the same parsed test, not parsed anew")
                .isSameAs(feel.parseUnaryTests(">= 60").toOption().get());
        assertThat(feel.parseExpression("age + 0").toOption().get())
                .isSameAs(feel.parseExpression("age + 0").toOption().get());
    }

    @Test
    void aTextThatDoesNotParseIsRefusedEveryTimeAndAGoodOneAnswersWithTheVariablesOfEachCall() {
        var engine = FeelParsedOnce.engine(List.of());
        for (int round = 0; round < 2; round++) {
            assertThatThrownBy(() -> engine.evaluateSimpleExpression("a +", Variables.putValue("a", 1).asVariableContext()))
                    .isInstanceOf(FeelException.class);
        }
        assertThat((Object) engine.evaluateSimpleExpression("a + 1", Variables.putValue("a", 1).asVariableContext())).isEqualTo(2L);
        assertThat((Object) engine.evaluateSimpleExpression("a + 1", Variables.putValue("a", 41).asVariableContext())).isEqualTo(42L);
        assertThat(engine.evaluateSimpleUnaryTests("\"ID_CARD\", \"HUKOU\"", "code",
                Variables.fromMap(Map.of("code", "HUKOU")).asVariableContext())).isTrue();
        assertThat(engine.evaluateSimpleUnaryTests("\"ID_CARD\", \"HUKOU\"", "code",
                Variables.fromMap(Map.of("code", "PHOTO")).asVariableContext())).isFalse();
    }

    /** The feel-scala engine inside Camunda's FEEL engine. */
    static Object parsing(org.camunda.bpm.dmn.feel.impl.FeelEngine engine) throws Exception {
        var field = ScalaFeelEngine.class.getDeclaredField("feelEngine");
        field.setAccessible(true);
        return field.get(engine);
    }
}
