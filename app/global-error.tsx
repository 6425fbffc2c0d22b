'use client';
// The root layout itself failed, so neither the header nor the language is known: both languages,
// no app styles beyond inline ones, and the error's digest (in the server's log line) for the admin.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="zh-CN">
      <body style={{ fontFamily: 'system-ui, sans-serif', maxWidth: '40rem', margin: '3rem auto', padding: '0 1rem', color: '#0f172a' }}>
        <main>
          <h1>页面出错了 · Something went wrong</h1>
          <p role="alert">
            服务器处理这个请求时出错，请稍后重试。
            <span lang="en"> The server failed while handling this request; please try again later.</span>
          </p>
          {error.digest && (
            <p>
              错误编号 <span lang="en">Error id</span>: <code>{error.digest}</code>
            </p>
          )}
          <p>
            <button type="button" onClick={reset} style={{ padding: '0.5rem 1rem' }}>
              重试 <span lang="en">Try again</span>
            </button>{' '}
            <a href="/">
              返回首页 <span lang="en">Home</span>
            </a>
          </p>
        </main>
      </body>
    </html>
  );
}
