use crate::helpers::*;
use crate::on_both_backends;

on_both_backends!(liveness_and_readiness_answer, |backend| async move {
    let app = spawn_app(backend).await;
    let res = app.get("/healthz").await;
    assert_eq!(res.status(), 200);
    let res = app.get("/readyz").await;
    assert_eq!(res.status(), 200);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["database"], "ok");
});

on_both_backends!(
    readiness_fails_with_503_when_the_database_is_gone,
    |backend| async move {
        let app = spawn_app(backend).await;
        assert_eq!(app.get("/readyz").await.status(), 200);
        app.db.destroy().await;
        let res = app.get("/readyz").await;
        assert_eq!(res.status(), 503);
        let body: serde_json::Value = res.json().await.unwrap();
        assert_eq!(body["error"]["code"], "database_unreachable");
        // Liveness is about the process, not the database.
        assert_eq!(app.get("/healthz").await.status(), 200);
    }
);

on_both_backends!(
    every_response_carries_security_headers,
    |backend| async move {
        let app = spawn_app(backend).await;
        let res = app.get("/healthz").await;
        let h = res.headers();
        let csp = h["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("frame-ancestors 'none'"));
        assert!(!csp.contains("unsafe-inline"));
        assert_eq!(h["x-content-type-options"], "nosniff");
        assert!(h.contains_key("referrer-policy"));
    }
);
