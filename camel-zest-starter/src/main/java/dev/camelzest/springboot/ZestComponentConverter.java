package dev.camelzest.springboot;

import java.util.Set;

import dev.camelzest.component.ZestConfiguration;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.context.ApplicationContext;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * Turns a bean reference in {@code camel.component.zest.*} ({@code #bean:name} or {@code #name}) into the bean, for
 * the options whose value is an object: as camel-spring-boot's starters do. Any other text is not a bean and fails
 * the binding with a clear message.
 */
final class ZestComponentConverter implements GenericConverter {

    private static final Set<ConvertiblePair> PAIRS = Set.of(
            new ConvertiblePair(String.class, ZestConfiguration.class),
            new ConvertiblePair(String.class, IdempotentRepository.class),
            new ConvertiblePair(String.class, SSLContextParameters.class));

    private final ApplicationContext applicationContext;

    ZestComponentConverter(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return PAIRS;
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        String reference = source.toString();
        String name = reference.startsWith("#bean:") ? reference.substring("#bean:".length())
                : reference.startsWith("#") ? reference.substring(1) : null;
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A " + targetType.getType().getSimpleName()
                    + " option takes a bean reference (#bean:name), not a value");
        }
        try {
            return applicationContext.getBean(name, targetType.getType());
        } catch (NoSuchBeanDefinitionException e) {
            throw new IllegalArgumentException("No " + targetType.getType().getSimpleName() + " bean named " + name, e);
        }
    }
}
