package dev.dragoman.kit.inbox;

import dev.dragoman.kit.DragomanHandler;
import dev.dragoman.kit.EventHandler;
import dev.dragoman.kit.InboundEvent;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds the service's handlers as its beans are created: {@link EventHandler} beans and
 * {@link DragomanHandler} methods. Two handlers for one type fail the start, naming both, rather
 * than one of them silently never running.
 */
public class HandlerRegistry implements BeanPostProcessor {

    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();

    /** One registered handler: runs the service's code for a copy. */
    public interface Handler {
        String describe();

        void handle(InboundEvent event, JsonMapper mapper) throws Exception;

        /**
         * Whether the handler judges the copy's {@code expirytime} itself, so that the inbox does not refuse it as expired
         * first. The kit's saga steps do: a compensation or a {@code cancelled} outcome must be applied however late it
         * comes, and a request or a {@code confirmed} expires only after the clock-skew allowance.
         */
        default boolean judgesExpiry() {
            return false;
        }
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof EventHandler eventHandler) {
            register(eventHandler.type(), new Handler() {
                @Override
                public String describe() {
                    return "bean '" + beanName + "'";
                }

                @Override
                public void handle(InboundEvent event, JsonMapper mapper) {
                    eventHandler.handle(event);
                }
            });
        }
        Class<?> target = AopUtils.getTargetClass(bean);
        Map<Method, DragomanHandler> methods = MethodIntrospector.selectMethods(target,
                (MethodIntrospector.MetadataLookup<DragomanHandler>) method -> AnnotatedElementUtils.findMergedAnnotation(method, DragomanHandler.class));
        methods.forEach((method, annotation) -> register(annotation.value(), methodHandler(bean, beanName, method)));
        return bean;
    }

    private static Handler methodHandler(Object bean, String beanName, Method declared) {
        if (declared.getParameterCount() != 1) {
            throw new IllegalStateException("@DragomanHandler method " + declared + " must take one parameter: an InboundEvent or the type of the event's data");
        }
        Method method = AopUtils.selectInvocableMethod(declared, bean.getClass());
        Class<?> parameter = declared.getParameterTypes()[0];
        return new Handler() {
            @Override
            public String describe() {
                return "method " + declared.getDeclaringClass().getSimpleName() + "." + declared.getName() + " of bean '" + beanName + "'";
            }

            @Override
            public void handle(InboundEvent event, JsonMapper mapper) throws Exception {
                Object argument = parameter == InboundEvent.class ? event : mapper.treeToValue(event.data(), parameter);
                try {
                    method.invoke(bean, argument);
                } catch (InvocationTargetException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        };
    }

    /** Registers a handler the kit itself provides (the saga steps' types), under the same one-handler-per-type rule. */
    public void register(String type, Handler handler) {
        Handler before = handlers.putIfAbsent(type, handler);
        if (before != null) {
            throw new IllegalStateException("two Dragoman handlers for event type '" + type + "': " + before.describe() + " and "
                    + handler.describe() + "; keep one");
        }
    }

    public Optional<Handler> handlerFor(String type) {
        return Optional.ofNullable(handlers.get(type));
    }
}
