package cn.yijianshi.system;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Right;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.feel.FeelEngineClock;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.valuemapper.ValueMapper;
import org.springframework.stereotype.Component;

/**
 * FEEL expressions parsed once per text, not at every evaluation. Camunda 7.24's FEEL engine (feel-scala) parses a
 * decision table's input entries and expressions each time the decision is evaluated (and an intake form's
 * {@code conditional.hide} each time a form is checked): a third of a decision's time. The engine here is Camunda's
 * own ({@link ScalaFeelEngine}, same functions, value mappers and configuration), with its two parse methods keeping
 * what they parsed; evaluation is unchanged. A parsed expression is immutable and holds no variables; one that fails
 * to parse is not kept, so it fails the same way each time. The texts are those of the deployed decisions and forms:
 * at most {@value #KEPT} are kept, then the store starts again.
 */
@Component
public class FeelParsedOnce extends AbstractProcessEnginePlugin {

    static final int KEPT = 10_000;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
                ? configuration.getDmnEngineConfiguration()
                : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        dmn.setFeelEngineFactory(() -> engine(configuration.getDmnFeelCustomFunctionProviders()));
        configuration.setDmnEngineConfiguration(dmn);
    }

    /** Camunda's FEEL engine for decisions, parsing each text once. */
    public static FeelEngine engine(List<FeelCustomFunctionProvider> functionProviders) {
        return new ScalaFeelEngine(functionProviders == null ? List.of() : functionProviders) {
            @Override
            protected org.camunda.feel.FeelEngine buildFeelEngine(CustomFunctionTransformer functions,
                                                                  ValueMapper.CompositeValueMapper valueMapper) {
                return new ParsingOnce(functions, valueMapper);
            }
        };
    }

    /** feel-scala's engine as {@link ScalaFeelEngine} builds it (external functions off, system clock), parsing once. */
    static final class ParsingOnce extends org.camunda.feel.FeelEngine {

        private final Map<String, ParsedExpression> expressions = new ConcurrentHashMap<>();
        private final Map<String, ParsedExpression> unaryTests = new ConcurrentHashMap<>();

        ParsingOnce(CustomFunctionTransformer functions, ValueMapper valueMapper) {
            super(functions, valueMapper, new org.camunda.feel.FeelEngine.Configuration(false),
                    FeelEngineClock.SystemClock$.MODULE$);
        }

        @Override
        public Either<Failure, ParsedExpression> parseExpression(String expression) {
            ParsedExpression known = expressions.get(expression);
            return known != null ? new Right<>(known) : kept(expressions, expression, super.parseExpression(expression));
        }

        @Override
        public Either<Failure, ParsedExpression> parseUnaryTests(String expression) {
            ParsedExpression known = unaryTests.get(expression);
            return known != null ? new Right<>(known) : kept(unaryTests, expression, super.parseUnaryTests(expression));
        }

        private static Either<Failure, ParsedExpression> kept(Map<String, ParsedExpression> store, String text,
                                                              Either<Failure, ParsedExpression> parsed) {
            if (parsed instanceof Right<Failure, ParsedExpression> right) {
                if (store.size() >= KEPT) {
                    store.clear();
                }
                store.put(text, right.value());
            }
            return parsed;
        }
    }
}
