import type { MetadataRoute } from 'next';

/** The web app manifest: the name and icon a phone shows when the platform is added to its home screen. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: '科融通 · 高新区科技金融服务平台',
    short_name: '科融通',
    description: '连接园区企业与金融机构的融资对接平台 — financing marketplace for the high-tech zone',
    start_url: '/',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#1d4ed8',
    lang: 'zh-CN',
    icons: [
      { src: '/icon.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/apple-icon.png', sizes: '180x180', type: 'image/png' },
    ],
  };
}
