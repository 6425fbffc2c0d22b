// Text a user typed (a person's or an organisation's name), shown inside an interface of either
// language: marked lang="zh-CN" when it holds Chinese, so a screen reader on an English page reads it
// with a Chinese voice (WCAG 3.1.2, language of parts). Other text is left to the page's language.
const HAN = /\p{Script=Han}/u;

export function UserText({ children }: { children: string }) {
  return HAN.test(children) ? <span lang="zh-CN">{children}</span> : children;
}
