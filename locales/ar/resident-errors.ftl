## The notice a page shows when something on our side fails. Residents and staff both see it.

error-unavailable-heading = غير متاح حاليًا
error-unavailable-text = هذه الصفحة لا تعمل الآن. يُرجى المحاولة مرة أخرى بعد بضع دقائق.
error-internal-heading = حدث خطأ ما
error-internal-text = حدث خطأ من جهتنا. هذا ليس خطأك. يُرجى المحاولة مرة أخرى لاحقًا.
error-request-id = إذا تواصلت معنا بشأن هذا، يُرجى ذكر هذا الرمز:
